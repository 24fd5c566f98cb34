-- wrk script for bench/run.py's vote rows: every request is a new reader's
-- first "Yes", on the articles in turn, so each one stores a response.
-- Arguments: poll id, choice id, comma-separated page ids, a tag for this run,
-- the User-Agent to send.
-- done() prints the answers wrk read, by class, as one line of JSON.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  poll, choice, run, agent = args[1], args[2], args[4], args[5]
  pages = {}
  for page in string.gmatch(args[3], "%d+") do
    table.insert(pages, page)
  end
  sent, acknowledged, refused = 0, 0, 0
  headers = {
    ["Origin"] = "http://" .. wrk.host .. ":" .. wrk.port,
    ["Accept"] = "application/json",
    ["User-Agent"] = agent,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
end

function request()
  sent = sent + 1
  -- 40 characters: a valid reader cookie, unique to this run, thread and request.
  headers["Cookie"] = string.format("poll_reader=wrk%s%02d%022d", run, id, sent)
  local page = pages[(sent % #pages) + 1]
  local body = "page=" .. page .. "&poll=" .. poll .. "&choice=" .. choice
  return wrk.format("POST", "/polls/vote/", headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    acknowledged = acknowledged + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local totals = {sent = 0, acknowledged = 0, refused = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format(
    '{"sent": %d, "acknowledged": %d, "refused": %d}\n',
    totals.sent, totals.acknowledged, totals.refused
  ))
end
