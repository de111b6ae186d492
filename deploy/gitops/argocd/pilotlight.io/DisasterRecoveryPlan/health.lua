-- Argo CD health of a DisasterRecoveryPlan, from its Ready condition: Healthy when Ready, Degraded
-- when what holds it back needs a person (README.md, "Conditions and reasons"), else Progressing.
-- Argo CD opens no string library for health scripts: only base, table and os functions are used.
local hs = {}
local needsAPerson = {
  InvalidSpec = true, Unreachable = true, RPOExceeded = true, VeleroNotInstalled = true,
  ScheduleConflict = true, ScheduleInvalid = true, StorageLocationUnavailable = true,
  VersionSkew = true, MissingCRD = true, MissingStorageClass = true, DriftDetected = true,
  UnknownKind = true, NoNamespaces = true, FailedOver = true, FailoverUnfinished = true,
  ServiceAccountRequired = true, TrafficNotAllowed = true, TooManyWatches = true, ReconcileError = true
}
if obj.status == nil or obj.status.conditions == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to report the plan's status"
  return hs
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to reconcile generation " .. tostring(obj.metadata.generation)
  return hs
end
for _, condition in ipairs(obj.status.conditions) do
  if condition.type == "Ready" then
    if condition.status == "True" then
      hs.status = "Healthy"
    elseif needsAPerson[condition.reason] then
      hs.status = "Degraded"
    else
      hs.status = "Progressing"
    end
    hs.message = (condition.reason or "") .. ": " .. (condition.message or "")
    return hs
  end
end
hs.status = "Progressing"
hs.message = "Waiting for the plan's Ready condition"
return hs
