package org.gve.site;

import jakarta.xml.ws.handler.Handler;
import org.gve.site.accounting.Accounting;
import org.gve.site.agents.AgentDirectory;
import org.gve.site.agents.GatewayFactory;
import org.gve.site.agents.AgentTrust;
import org.gve.site.agents.SoapAgentGateway;
import org.gve.site.identity.LoginResult;
import org.gve.site.identity.PasswordHasher;
import org.gve.site.identity.UserDirectory;
import org.gve.site.jobs.JobDispatcher;
import org.gve.site.jobs.JobPayloads;
import org.gve.site.jobs.JobService;
import org.gve.site.jobs.Operation;
import org.gve.site.lease.LeaseEnforcer;
import org.gve.site.lease.LeaseExpiryHandler;
import org.gve.site.persistence.JobSequence;
import org.gve.site.persistence.SiteDatabase;
import org.gve.site.quota.Quotas;
import org.gve.site.recovery.ReconcileReport;
import org.gve.site.recovery.Reconciler;
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
import org.gve.site.ws.UsernameTokenHandler;
import org.gve.site.ws.VirtualMachineManagementPortImpl;
import org.gve.site.ws.VirtualMachineRequestPortImpl;
import org.gve.wsdl.runtime.SecretBox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Site Service, assembled: database, identity, agents, jobs, leases, and the four endpoint
 * implementations ready to be published (with the SOAP handler that reads WS-Security
 * UsernameTokens). {@link #start} polls the agents, deals with jobs a previous run left RUNNING,
 * reconciles the records with what the agents report, then starts running jobs, polling agents and
 * enforcing leases; {@link #close} stops all of it and the database.
 */
public final class SiteApplication implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SiteApplication.class.getName());
    private final SiteSettings settings;
    private volatile boolean started;
    private final SiteDatabase database;
    private final UserDirectory users;
    private final AgentDirectory agents;
    private final SiteVms vms;
    private final Quotas quotas;
    private final JobService jobs;
    private final JobDispatcher dispatcher;
    private final VmRequestService requests;
    private final VmManagementService management;
    private final Accounting accounting;
    private final LeaseEnforcer leases;
    private final Reconciler reconciler;
    private final ScheduledExecutorService background;
    private final VirtualMachineRequestPortImpl requestPort;
    private final VirtualMachineManagementPortImpl managementPort;
    private final JobStateQueryPortImpl jobPort;
    private final SiteAdministrationPortImpl adminPort;
    private final UsernameTokenHandler usernameTokens;
    private volatile ReconcileReport lastReconciliation;

    public SiteApplication(SiteSettings settings, Clock clock) {
        this(settings, clock, soapGateways(settings));
    }

    private static GatewayFactory soapGateways(SiteSettings settings) {
        javax.net.ssl.SSLSocketFactory tls = AgentTrust.socketFactory(settings.agents().truststore(),
                settings.agents().truststorePassword());
        return (name, endpoint, user, secret) -> new SoapAgentGateway(name, endpoint,
                user != null ? user : settings.siteName(), secret, settings.agents().callTimeout(), tls);
    }

    public SiteApplication(SiteSettings settings, Clock clock, GatewayFactory gateways) {
        this.settings = settings;
        this.database = new SiteDatabase(settings.database());
        var sessions = database.sessions();
        JobPayloads payloads = new JobPayloads();
        this.users = new UserDirectory(sessions, new PasswordHasher(settings.security().passwordIterations()),
                settings.grants().defaultQuota(), clock, Duration.ofMinutes(5), settings.security().loginThrottle());
        this.agents = new AgentDirectory(sessions, gateways, clock, settings.security().secretsKeyFile() != null
                ? SecretBox.fromKeyFiles(settings.security().secretsKeyFile(), settings.security().retiredKeyFiles()) : SecretBox.ephemeral());
        this.vms = new SiteVms(sessions, clock);
        this.quotas = new Quotas(sessions);
        ProfileValidator validator = new ProfileValidator(settings.profiles().defaultVcpus(), settings.profiles().defaultMemoryMiB(),
                settings.profiles().maxVcpus(), settings.profiles().maxMemoryMiB());
        this.dispatcher = new JobDispatcher(sessions, payloads, List.of(
                new RequestVmHandler(agents, quotas, clock),
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
                new RunCommandHandler(agents, vms),
                new LeaseExpiryHandler(agents, vms, clock)),
                settings.jobs().nodeName(), clock, settings.jobs().poll(), settings.jobs().workers());
        this.jobs = new JobService(sessions, payloads, new JobSequence(sessions), clock, dispatcher::wake);
        this.management = new VmManagementService(jobs, payloads, vms);
        this.requests = new VmRequestService(jobs, payloads, users, vms, validator, agents, settings.grants().defaultLease());
        this.accounting = new Accounting(sessions, clock);
        this.leases = new LeaseEnforcer(sessions, jobs, clock);
        this.reconciler = new Reconciler(sessions, agents, clock);
        this.requestPort = new VirtualMachineRequestPortImpl(requests, validator);
        this.managementPort = new VirtualMachineManagementPortImpl(management, new GuestFiles(agents, vms), accounting,
                settings.spoolDirectory());
        this.jobPort = new JobStateQueryPortImpl(jobs);
        this.adminPort = new SiteAdministrationPortImpl(agents, users, vms, management);
        this.usernameTokens = new UsernameTokenHandler(users::authenticate);
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gve-site-background");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Polls the agents, recovers interrupted jobs, reconciles with the agents, then starts
     * dispatching jobs, polling agents and enforcing leases.
     */
    public void start() {
        agents.resealSecrets();
        agents.pollAll();
        dispatcher.recoverInterrupted();
        lastReconciliation = reconciler.reconcileAtStartup();
        dispatcher.start();
        schedule(settings.agents().healthPoll(), this::pollAgents, "agent health poll");
        schedule(settings.agents().reconcileInterval(), reconciler::reconcile, "reconciliation with the agents");
        schedule(Duration.ofHours(1), this::purgeOldJobs, "purge of old jobs");
        schedule(settings.grants().leaseCheck(), leases::enforce, "lease enforcement");
        started = true;
    }

    /**
     * Polls the agents (the periodic health poll does this); those that came back UP are reconciled
     * with at once, since they may have lost VMs meanwhile.
     */
    public void pollAgents() {
        List<String> back = agents.pollAll();
        if (!back.isEmpty()) reconciler.reconcile(back);
    }

    /** Deletes the jobs that finished longer ago than the retention (hourly); returns how many. */
    public int purgeOldJobs() {
        int purged = jobs.purgeFinished(settings.jobs().retention());
        if (purged > 0) LOG.info("deleted " + purged + " job(s) finished more than " + settings.jobs().retention() + " ago");
        return purged;
    }

    /** Reconciles with every agent now, rather than at the next periodic pass. */
    public ReconcileReport reconcileNow() {
        return reconciler.reconcile();
    }

    /** For monitoring: start-up over, database answering, agents UP and DOWN (never throws). */
    public SiteHealth health() {
        try {
            var all = agents.agents();
            int up = (int) all.stream().filter(a -> a.isUp()).count();
            return new SiteHealth(started, null, up, all.size() - up);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "health check: the database does not answer", e);
            return new SiteHealth(started, "the database does not answer", 0, 0);
        }
    }

    /** Whether start-up (recovery and reconciliation) is over and the site serves requests. */
    public boolean isStarted() {
        return started;
    }

    private void schedule(Duration every, Runnable task, String what) {
        long millis = every.toMillis();
        background.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Checks a login from the client at {@code remoteAddress} (see {@link UserDirectory#authenticate}). */
    public LoginResult authenticate(String user, char[] password, String remoteAddress) {
        return users.authenticate(user, password, remoteAddress);
    }

    /** The SOAP handlers every Site Service endpoint needs: WS-Security UsernameToken authentication. */
    public List<Handler<?>> soapHandlers() {
        return List.of(usernameTokens);
    }

    /** Stops the VMs whose lease ended now, rather than at the next periodic check; returns how many. */
    public int enforceLeases() {
        return leases.enforce();
    }

    /** What reconciliation at the last start found and did. */
    public ReconcileReport lastReconciliation() {
        return lastReconciliation;
    }

    public UserDirectory users() {
        return users;
    }

    public AgentDirectory agents() {
        return agents;
    }

    public SiteVms vms() {
        return vms;
    }

    public Quotas quotas() {
        return quotas;
    }

    public JobService jobs() {
        return jobs;
    }

    public VmRequestService requests() {
        return requests;
    }

    public VmManagementService management() {
        return management;
    }

    public Accounting accounting() {
        return accounting;
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
