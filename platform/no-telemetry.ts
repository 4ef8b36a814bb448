/**
 * Imported first by every entry point: Apollo's packages read this variable, and the gateway must send
 * nothing to third parties whatever the operator's environment says.
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
