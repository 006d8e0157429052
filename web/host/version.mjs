// The version portal-check's JS host writes into HAR `log.creator` (keep in step with
// CMakeLists.txt `project(... VERSION ...)` and package.json).
export const PORTAL_CHECK_VERSION = '0.2.0';
