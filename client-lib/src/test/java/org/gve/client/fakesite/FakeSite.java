package org.gve.client.fakesite;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.soap.MTOMFeature;
import org.gve.glue.VirtualMachine;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.site.JobState;
import org.gve.wsdl.site.JobStatus;
import org.gve.wsdl.site.Quota;
import org.gve.wsdl.site.Role;
import org.gve.wsdl.runtime.XmlTimes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A test double of a GVE Site: the four Site ports ({@link FakeSiteEndpoints}) published with
 * {@link Endpoint} on the JDK's built-in HTTP server at 127.0.0.1, behind HTTP Basic authentication
 * (wrong credentials get HTTP 401), with in-memory users, VMs, jobs and guest files. Jobs move
 * PENDING -> RUNNING -> SUCCEEDED one step per GetJobState. Not a Site implementation: just enough
 * behaviour to exercise the real SOAP client path.
 */
public final class FakeSite implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ALICE = "alice";
    public static final String PASSWORD = "s3cret";

    final Map<String, FakeUser> users = new ConcurrentHashMap<>();
    final Map<String, Owned> vms = new ConcurrentHashMap<>();
    final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final Map<String, org.gve.wsdl.site.AgentInfo> agents = new ConcurrentHashMap<>();
    /** Agents unregistered with Abandon = true, in order. */
    public final java.util.List<String> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> authorizationHeaders = new ArrayList<>();
    /** Content-Type and Transfer-Encoding of the last CopyFileToVirtualMachine request. */
    volatile String lastUploadHeaders;
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final URI base;
    /** Metro logs the undeclared fault the tests provoke on purpose; quiet while the site runs. */
    private final Logger tieLogger = Logger.getLogger("com.sun.xml.ws.server.sei.TieHandler");
    private final Level tieLevel = tieLogger.getLevel();

    record FakeUser(String name, String password, Role role, Quota quota) {
    }

    /** A VM with its owner. */
    record Owned(VirtualMachine vm, String owner) {
    }

    /** A job, the VM it acts on, and what happens to the site when it finishes. */
    static final class FakeJob {
        final JobState state;
        final Consumer<FakeJob> onFinish;
        VirtualMachine result;
        CommandResult commandResult;
        String failCode;
        String failMessage;

        FakeJob(JobState state, Consumer<FakeJob> onFinish) {
            this.state = state;
            this.onFinish = onFinish;
        }
    }

    private FakeSite() throws IOException {
        tieLogger.setLevel(Level.OFF);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gve");
        Quota aliceQuota = new Quota();
        aliceQuota.setMaxVCpus(8);
        users.put(ADMIN, new FakeUser(ADMIN, PASSWORD, Role.ADMINISTRATOR, new Quota()));
        users.put(ALICE, new FakeUser(ALICE, PASSWORD, Role.USER, aliceQuota));
        publish("VirtualMachineRequest", new FakeRequestEndpoint(this), false);
        publish("VirtualMachineManagement", new FakeManagementEndpoint(this), true);
        publish("JobStateQuery", new FakeJobStateEndpoint(this), false);
        publish("SiteAdministration", new FakeAdministrationEndpoint(this), false);
        server.start();
    }

    public static FakeSite start() throws IOException {
        return new FakeSite();
    }

    /** The site base URL to give a client, e.g. http://127.0.0.1:PORT/gve. */
    public URI base() {
        return base;
    }

    private void publish(String port, Object implementor, boolean mtom) {
        HttpContext context = server.createContext("/gve/site/" + port);
        context.setAuthenticator(new BasicAuthenticator("gve") {
            @Override
            public boolean checkCredentials(String user, String password) {
                FakeUser u = users.get(user);
                return u != null && u.password().equals(password);
            }
        });
        Endpoint endpoint = mtom ? Endpoint.create(implementor, new MTOMFeature(true)) : Endpoint.create(implementor);
        endpoint.setExecutor(executor);
        endpoint.publish(context);
        endpoints.add(endpoint);
    }

    String nextId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    synchronized void recordAuthorization(String header) {
        authorizationHeaders.add(header);
    }

    /** Every Authorization header the SOAP endpoints saw, in order. */
    public synchronized List<String> authorizationHeaders() {
        return List.copyOf(authorizationHeaders);
    }

    /** Adds a VM owned by {@code owner}, for tests that start from an existing VM. */
    public String addVm(String owner, String state) {
        VirtualMachine vm = FakeSiteEndpoints.newVm(nextId("vm"), null, null, null, owner);
        vm.setState(org.gve.glue.VirtualMachineState.fromValue(state));
        vms.put(vm.getUniqueID(), new Owned(vm, owner));
        return vm.getUniqueID();
    }

    public String lastUploadHeaders() {
        return lastUploadHeaders;
    }

    public boolean hasVm(String vmId) {
        return vms.containsKey(vmId);
    }

    public String vmState(String vmId) {
        return vms.get(vmId).vm().getState().value();
    }

    public byte[] file(String vmId, String path) {
        return files.get(vmId + ":" + path);
    }

    public void putFile(String vmId, String path, byte[] content) {
        files.put(vmId + ":" + path, content);
    }

    FakeJob newJob(String operation, String vmId, String owner, Consumer<FakeJob> onFinish) {
        JobState s = new JobState();
        s.setJobID(nextId("job"));
        s.setOperation(operation);
        s.setVirtualMachineID(vmId);
        s.setStatus(JobStatus.PENDING);
        s.setOwner(owner);
        s.setCreated(XmlTimes.toXml(Instant.now()));
        FakeJob job = new FakeJob(s, onFinish);
        jobs.put(s.getJobID(), job);
        return job;
    }

    /** One step of a job's life, as seen by a poll. */
    void advance(FakeJob job) {
        synchronized (job) {
            JobState s = job.state;
            if (s.getStatus() == JobStatus.PENDING) {
                s.setStatus(JobStatus.RUNNING);
                s.setStarted(XmlTimes.toXml(Instant.now()));
            } else if (s.getStatus() == JobStatus.RUNNING) {
                job.onFinish.accept(job);
                s.setStatus(job.failCode == null ? JobStatus.SUCCEEDED : JobStatus.FAILED);
                if (job.failCode != null) s.setFault(org.gve.wsdl.runtime.Faults.detail(job.failCode, job.failMessage));
                s.setFinished(XmlTimes.toXml(Instant.now()));
            }
        }
    }

    @Override
    public void close() {
        endpoints.forEach(Endpoint::stop);
        server.stop(0);
        executor.shutdownNow();
        tieLogger.setLevel(tieLevel);
    }
}
