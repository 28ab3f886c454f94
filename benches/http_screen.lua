-- wrk script for the HTTP load benchmark: GET /screen with the names in
-- $NAMES (one percent-encoded name per line), each thread from its own start.
local names = {}
local next_name = 1

function init(args)
  for line in io.lines(os.getenv("NAMES")) do
    names[#names + 1] = line
  end
  next_name = math.random(#names)
end

function request()
  next_name = next_name % #names + 1
  return wrk.format("GET", os.getenv("SCREEN_PATH") .. names[next_name])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f socket_errors=%d non_2xx=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
