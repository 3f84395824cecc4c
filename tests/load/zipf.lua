-- wrk script: searches drawn from a long tail with Zipf popularity (s = 1), the shape of
-- real search traffic: a few searches asked all the time (partner widgets, the helpdesk's
-- usual needs), most asked rarely.
--
--   wrk ... -s tests/load/zipf.lua http://host:port -- DISTINCT
--
-- DISTINCT (default 2000) searches are built from 40 FR/NL need texts × 35 territories
-- (none, 5 bassins, 19 communes, 10 points with a 1.5 km radius sorted by distance) ×
-- 7 spoken-language filters, shuffled with a fixed seed, and ranked: search i is asked with
-- weight 1 / i. Each connection draws from its own seeded generator.

local texts = {
  "aide%20alimentaire", "colis%20alimentaire", "voedselpakket", "maison%20m%C3%A9dicale",
  "wijkgezondheidscentrum", "huisarts", "m%C3%A9decin%20g%C3%A9n%C3%A9raliste", "cpas", "ocmw",
  "sans%20abri", "dakloos", "asile%20de%20nuit", "nachtopvang", "logement%20social",
  "sociale%20huisvesting", "m%C3%A9diation%20de%20dettes", "schuldbemiddeling",
  "sant%C3%A9%20mentale", "geestelijke%20gezondheid", "psycholoog", "psychologue",
  "planning%20familial", "gezinsplanning", "cr%C3%A8che", "kinderopvang",
  "maison%20de%20repos", "woonzorgcentrum", "soins%20infirmiers%20%C3%A0%20domicile",
  "thuisverpleging", "alphab%C3%A9tisation", "nederlandse%20les", "aide%20juridique",
  "juridisch%20advies", "violence%20conjugale", "partnergeweld", "toxicomanie", "verslaving",
  "restaurant%20social", "%C3%A9picerie%20sociale", "interpr%C3%A8te",
}
local territories = { "" }
for _, bassin in ipairs({ "nord", "nord-est", "centre-ouest", "sud", "sud-est" }) do
  territories[#territories + 1] = "&bassin=" .. bassin
end
for nis = 21001, 21019 do
  territories[#territories + 1] = "&commune=" .. nis
end
local points = {
  "50.8503,4.3517", "50.8676,4.3870", "50.8365,4.3478", "50.8270,4.3720", "50.8800,4.3300",
  "50.8450,4.4200", "50.8050,4.3300", "50.8600,4.3100", "50.8200,4.4000", "50.8900,4.4100",
}
for _, point in ipairs(points) do
  territories[#territories + 1] = "&near=" .. point .. "&radius=1500&sort=distance"
end
local languages = { "", "&language=ar", "&language=tr", "&language=en", "&language=es",
  "&language=nl", "&language=fr" }

-- Every combination, in a fixed pseudo-random order (Lehmer generator, fixed seed).
local all = {}
for _, text in ipairs(texts) do
  for _, territory in ipairs(territories) do
    for _, language in ipairs(languages) do
      all[#all + 1] = "/v1/search?q=" .. text .. territory .. language
    end
  end
end
local state = 20261128
local function next_random(bound)
  state = (state * 48271) % 2147483647
  return state % bound
end
for i = #all, 2, -1 do
  local j = next_random(i) + 1
  all[i], all[j] = all[j], all[i]
end

local paths = {}
local cumulative = {}
local total = 0

function init(args)
  local distinct = tonumber(args[1] or "2000") or 2000
  if distinct > #all then distinct = #all end
  for i = 1, distinct do
    paths[i] = all[i]
    total = total + 1 / i
    cumulative[i] = total
  end
  math.randomseed(os.time())
end

function request()
  local target = math.random() * total
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < target then low = middle + 1 else high = middle end
  end
  return wrk.format("GET", paths[low])
end
