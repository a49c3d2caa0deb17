-- wrk script for comment posting. Arguments (after --): run label, article path, Origin, output dir.
-- Every request POSTs a comment with a unique body "bench-<run>-<thread>-<n>" (the duplicate check
-- refuses the same text from the same client), with the Origin header the CSRF check wants.
-- A comment is acknowledged when the answer is the 302 to ?comment=posted#comment-<id> (or to
-- ?comment=pending for a pre-moderated article); the id of each acknowledged comment is written to
-- <output dir>/acked-<run>-<thread>.txt, so the script can check every one of them is stored.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  run = args[1]
  path = args[2]
  origin = args[3]
  counter = 0
  acknowledged = 0
  pending = 0
  limited = 0
  refused = 0
  other = 0
  -- the statuses of the first "other" answers, comma-separated (strings cross threads in wrk)
  other_statuses = ""
  ids = assert(io.open(args[4] .. "/acked-" .. run .. "-" .. thread_id .. ".txt", "w"))
  ids:setvbuf("line")
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    ["Accept"] = "text/html",
  }
end

function request()
  counter = counter + 1
  local body = "nickname=bench&body=bench-" .. run .. "-" .. thread_id .. "-" .. counter
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:find("comment=posted", 1, true) then
    acknowledged = acknowledged + 1
    local id = location:match("#comment%-(%d+)")
    if id then
      ids:write(id, "\n")
    end
  elseif status == 302 and location:find("comment=pending", 1, true) then
    acknowledged = acknowledged + 1
    pending = pending + 1
  elseif status == 429 then
    limited = limited + 1
  elseif status == 422 then
    refused = refused + 1
  else
    other = other + 1
    if other <= 20 then
      other_statuses = other_statuses .. (other_statuses == "" and "" or ",") .. status
    end
  end
end

function done(summary, latency, requests)
  local totals = { acknowledged = 0, pending = 0, limited = 0, refused = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + (thread:get(name) or 0)
    end
  end
  local statuses = {}
  for _, thread in ipairs(threads) do
    local some = thread:get("other_statuses")
    if some and some ~= "" then
      table.insert(statuses, some)
    end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.2f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f socket_errors=%d status_errors=%d"
      .. " acknowledged=%d pending=%d limited=%d refused=%d other=%d other_statuses=%s\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status,
    totals.acknowledged, totals.pending, totals.limited, totals.refused, totals.other,
    (#statuses > 0) and table.concat(statuses, ",") or "-"))
end
