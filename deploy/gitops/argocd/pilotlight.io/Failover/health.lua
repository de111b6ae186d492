-- Argo CD health of a Failover, from its phase: Healthy when Completed, Degraded when Failed,
-- Progressing before (Pending, Validating, Fencing, FinalSync, Restoring, ScalingUp, WaitingReady,
-- SwitchingTraffic). The message is the Progressing condition's (the RTO and RPO achieved, or why
-- it failed), else the phase and progress. Only base, table and os functions (Argo CD's libraries).
local hs = {}
if obj.status == nil or obj.status.phase == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to start the Failover"
  return hs
end
local phase = obj.status.phase
local message = nil
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Progressing" then
      message = condition.message
    end
  end
end
if phase == "Completed" then
  hs.status = "Healthy"
  hs.message = message or "Completed"
elseif phase == "Failed" then
  hs.status = "Degraded"
  hs.message = obj.status.message or message or "Failed"
else
  hs.status = "Progressing"
  hs.message = phase
  if obj.status.progress ~= nil then
    hs.message = phase .. ": " .. obj.status.progress
  end
end
return hs
