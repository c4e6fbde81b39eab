package org.gve.site;

import org.gve.site.accounting.Accounting;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.GatewayFactory;
import org.gve.site.agents.SoapAgentGateway;
import org.gve.site.identity.Caller;
import org.gve.site.identity.PasswordHasher;
import org.gve.site.identity.UserDirectory;
import org.gve.site.jobs.JobDispatcher;
import org.gve.site.jobs.JobPayloads;
import org.gve.site.jobs.JobService;
import org.gve.site.jobs.Operation;
import org.gve.site.persistence.SiteDatabase;
import org.gve.site.quota.Quotas;
import org.gve.site.vm.GuestFiles;
import org.gve.site.vm.MigrateHandler;
import org.gve.site.vm.PowerHandler;
import org.gve.site.vm.ProfileValidator;
import org.gve.site.vm.ReleaseHandler;
import org.gve.site.vm.RequestVmHandler;
import org.gve.site.vm.RunCommandHandler;
import org.gve.site.vm.SiteVms;
import org.gve.site.vm.SnapshotHandler;
import org.gve.site.vm.VmManagementService;
import org.gve.site.vm.VmRequestService;
import org.gve.site.ws.JobStateQueryPortImpl;
import org.gve.site.ws.SiteAdministrationPortImpl;
import org.gve.site.ws.VirtualMachineManagementPortImpl;
import org.gve.site.ws.VirtualMachineRequestPortImpl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Site Service, assembled: database, identity, agents, jobs, and the four endpoint
 * implementations ready to be published. Starting it recovers interrupted jobs and begins polling
 * agents; closing it stops both and the database.
 */
public final class SiteApplication implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SiteApplication.class.getName());
    private final SiteSettings settings;
    private final SiteDatabase database;
    private final UserDirectory users;
    private final AgentDirectory agents;
    private final JobDispatcher dispatcher;
    private final ScheduledExecutorService background;
    private final VirtualMachineRequestPortImpl requestPort;
    private final VirtualMachineManagementPortImpl managementPort;
    private final JobStateQueryPortImpl jobPort;
    private final SiteAdministrationPortImpl adminPort;

    public SiteApplication(SiteSettings settings, Clock clock) {
        this(settings, clock, (name, endpoint, user, secret) ->
                new SoapAgentGateway(name, endpoint, user != null ? user : settings.siteName(), secret,
                        settings.agentCallTimeout()));
    }

    public SiteApplication(SiteSettings settings, Clock clock, GatewayFactory gateways) {
        this.settings = settings;
        this.database = new SiteDatabase(settings.database());
        var sessions = database.sessions();
        JobPayloads payloads = new JobPayloads();
        this.users = new UserDirectory(sessions, new PasswordHasher(settings.passwordIterations()),
                settings.defaultQuota(), clock, Duration.ofMinutes(5));
        this.agents = new AgentDirectory(sessions, gateways, clock);
        SiteVms vms = new SiteVms(sessions, clock);
        ProfileValidator validator = new ProfileValidator(settings.defaultVcpus(), settings.defaultMemoryMiB(),
                settings.maxVcpus(), settings.maxMemoryMiB());
        this.dispatcher = new JobDispatcher(sessions, payloads, List.of(
                new RequestVmHandler(agents, new Quotas(sessions), clock),
                new PowerHandler(Operation.START, agents, vms),
                new PowerHandler(Operation.SHUTDOWN, agents, vms),
                new PowerHandler(Operation.SUSPEND, agents, vms),
                new PowerHandler(Operation.RESUME, agents, vms),
                new PowerHandler(Operation.REBOOT, agents, vms),
                new MigrateHandler(agents, vms),
                new SnapshotHandler(false, agents, vms),
                new SnapshotHandler(true, agents, vms),
                new ReleaseHandler(Operation.RELEASE, agents, vms, clock),
                new ReleaseHandler(Operation.RECLAIM, agents, vms, clock),
                new RunCommandHandler(agents, vms)),
                settings.nodeName(), clock, settings.jobPoll(), settings.jobWorkers());
        JobService jobs = new JobService(sessions, payloads, clock, dispatcher::wake);
        VmManagementService management = new VmManagementService(jobs, payloads, vms);
        this.requestPort = new VirtualMachineRequestPortImpl(
                new VmRequestService(jobs, payloads, users, vms, validator, settings.defaultLease()), validator);
        this.managementPort = new VirtualMachineManagementPortImpl(management, new GuestFiles(agents, vms),
                new Accounting(sessions, clock));
        this.jobPort = new JobStateQueryPortImpl(jobs);
        this.adminPort = new SiteAdministrationPortImpl(agents, users, vms, management);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gve-site-background");
            t.setDaemon(true);
            return t;
        });
    }

    /** Recovers interrupted jobs, then starts dispatching jobs and polling agents. */
    public void start() {
        agents.pollAll();
        dispatcher.start();
        long every = settings.agentHealthPoll().toMillis();
        background.scheduleWithFixedDelay(this::pollAgents, every, every, TimeUnit.MILLISECONDS);
    }

    private void pollAgents() {
        try {
            agents.pollAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "agent health poll failed", e);
        }
    }

    public Optional<Caller> authenticate(String user, char[] password) {
        return users.authenticate(user, password);
    }

    public UserDirectory users() {
        return users;
    }

    public AgentDirectory agents() {
        return agents;
    }

    public VirtualMachineRequestPortImpl requestPort() {
        return requestPort;
    }

    public VirtualMachineManagementPortImpl managementPort() {
        return managementPort;
    }

    public JobStateQueryPortImpl jobPort() {
        return jobPort;
    }

    public SiteAdministrationPortImpl adminPort() {
        return adminPort;
    }

    @Override
    public void close() {
        background.shutdownNow();
        dispatcher.close();
        database.close();
    }
}
