-- wrk script: authenticated people search, rotating among realistic queries.
-- THIDUA_TOKEN (env) is the bearer token of a signed-in account (bench/run logs in as vanphong).
-- The same script drives nginx (which answers every /api/v1/people?… with one static file), so
-- both servers receive byte-identical requests.
local token = os.getenv("THIDUA_TOKEN") or ""
local queries = {
  "/api/v1/people?q=nguyen%20van",  -- two words side by side, very common
  "/api/v1/people?q=tran%20thi",    -- two words side by side
  "/api/v1/people?q=le",            -- one short word: a prefix of many names
  "/api/v1/people?q=P0012",         -- a person-code prefix
  "/api/v1/people?q=",              -- empty: the first page of everyone
  "/api/v1/people?unit=SGDDT",      -- a unit filter: everyone under the education department
}
local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
local n = 0

function init(args)
  -- Threads start at different points of the rotation.
  n = math.random(#queries) - 1
end

function request()
  n = n + 1
  return wrk.format("GET", queries[(n % #queries) + 1], headers)
end
