'use strict';
// A GVE Site Service client on npm soap (node-soap), as a Node.js user of GVE would write it:
// clients built from the PUBLISHED WSDLs, HTTP Basic authentication, RequestVirtualMachine,
// GetJobState until the job ends, GetRequestVirtualMachineResult; then a request the site must
// refuse (negative MemoryMiB), to see the typed fault node-soap hands back.
//
//   node site-client.js SITE_BASE USER PASSWORD [TIMEOUT_SECONDS]
//   SITE_BASE is e.g. http://127.0.0.1:8080/gve
//
// Prints one JSON object on stdout: { "wsdl": [...], "job": {...}, "vm": {...}, "invalid": {...} }.
// Exits 0 when it could talk to the site at all (the caller judges the content), 1 otherwise.

const soap = require('soap');

const [base, user, password, timeoutArg] = process.argv.slice(2);
if (!base || !user || !password) {
  process.stderr.write('usage: node site-client.js SITE_BASE USER PASSWORD [TIMEOUT_SECONDS]\n');
  process.exit(2);
}
const deadline = Date.now() + 1000 * Number(timeoutArg || 60);
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

async function client(port) {
  const url = `${base}/site/${port}?wsdl`;
  const c = await soap.createClientAsync(url, { disableCache: true });
  c.setSecurity(new soap.BasicAuthSecurity(user, password));
  return { url, port: c.SiteService[`${port}Port`] };
}

/** Calls one operation of one port; resolves with the response body object. */
function call(port, operation, args) {
  return new Promise((resolve, reject) => {
    port[operation](args, (err, result) => (err ? reject(err) : resolve(result)), { timeout: 30000 });
  });
}

/** What a SOAP fault looked like to node-soap: faultcode/faultstring and the detail's Code. */
function describeFault(err) {
  const fault = err && err.root && err.root.Envelope && err.root.Envelope.Body && err.root.Envelope.Body.Fault;
  if (!fault) {
    return { error: String(err && err.message || err), httpStatus: err && err.response && err.response.status };
  }
  const detail = fault.detail || {};
  const detailName = Object.keys(detail).find((k) => k !== 'attributes');
  const typed = detailName ? detail[detailName] : {};
  return {
    httpStatus: err.response && err.response.status,
    faultcode: fault.faultcode,
    faultstring: fault.faultstring,
    detailElement: detailName,
    Code: typed && typed.Code,
    Message: typed && typed.Message,
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const requests = await client('VirtualMachineRequest');
  const jobs = await client('JobStateQuery');
  const out = { node: process.version, wsdl: [requests.url, jobs.url] };

  const profile = { Profile: { HypervisorType: 'KVM', VCpus: 1, MemoryMiB: 256 }, LeaseSeconds: 3600 };
  const submitted = await call(requests.port, 'RequestVirtualMachine', profile);
  const jobId = submitted.JobState.JobID;
  out.job = { id: jobId, submittedStatus: submitted.JobState.Status, polls: 0 };

  let state = submitted.JobState;
  let pause = 20;
  while (!FINISHED.has(state.Status)) {
    if (Date.now() > deadline) {
      throw new Error(`job ${jobId} still ${state.Status} (${state.Progress}) at the deadline`);
    }
    await sleep(pause);
    pause = Math.min(pause * 2, 500);
    state = (await call(jobs.port, 'GetJobState', { JobID: jobId })).JobState;
    out.job.polls += 1;
  }
  out.job.status = state.Status;
  out.job.fault = state.Fault || null;

  if (state.Status === 'SUCCEEDED') {
    const vm = (await call(requests.port, 'GetRequestVirtualMachineResult', { JobID: jobId })).VirtualMachine;
    out.vm = { UniqueID: vm.UniqueID, State: vm.State, Owner: vm.Owner, VCpus: vm.VCpus, MemoryMiB: vm.MemoryMiB };
  }

  try {
    const unexpected = await call(requests.port, 'RequestVirtualMachine', { Profile: { VCpus: 1, MemoryMiB: -5 } });
    out.invalid = { accepted: unexpected };
  } catch (err) {
    out.invalid = describeFault(err);
  }
  return out;
}

main().then(
  (out) => {
    process.stdout.write(JSON.stringify(out) + '\n');
  },
  (err) => {
    process.stdout.write(JSON.stringify({ error: String(err && err.stack || err), fault: describeFault(err) }) + '\n');
    process.exitCode = 1;
  },
);
