-- wrk script: mix.lua's pages (same arguments, same RESULT line), each connection pausing a given
-- number of milliseconds on average (third argument) before each request, so that the readers
-- together offer a fixed rate instead of as many requests as the server can answer. wrk times a
-- request from when it is sent, so the pause is not in the latencies.
dofile("bench/wrk/mix.lua")

local mix_init = init
local pause = 0

function init(args)
  mix_init(args)
  pause = tonumber(args[3]) or 0
end

function delay()
  -- spread around the mean, so that the connections do not send together
  return math.random(math.floor(pause / 2), math.floor(pause * 3 / 2))
end
