package org.gve.client;

import com.sun.xml.ws.developer.JAXWSProperties;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import org.gve.client.error.FaultMapper;
import org.gve.wsdl.runtime.SoapClients;
import org.gve.wsdl.site.JobStateQuery;
import org.gve.wsdl.site.SiteAdministration;
import org.gve.wsdl.site.SiteService;
import org.gve.wsdl.site.VirtualMachineManagement;
import org.gve.wsdl.site.VirtualMachineRequest;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Site's ports for one configuration, made on first use (a CLI command touches one or two) and
 * each call run through {@link FaultMapper}. Thread-safe; calls may run concurrently.
 */
final class SitePorts implements AutoCloseable {
    static final String REQUEST = "VirtualMachineRequest";
    static final String MANAGEMENT = "VirtualMachineManagement";
    static final String JOBS = "JobStateQuery";
    static final String ADMINISTRATION = "SiteAdministration";
    /** Uploads go out in chunks of this size instead of being buffered whole. */
    static final int STREAMING_CHUNK_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(SitePorts.class.getName());

    private final GveClientConfig config;
    private final List<Object> opened = new ArrayList<>();
    private SiteService service;
    private VirtualMachineRequest request;
    private VirtualMachineManagement management;
    private VirtualMachineManagement transfer;
    private JobStateQuery jobs;
    private SiteAdministration administration;

    SitePorts(GveClientConfig config) {
        this.config = config;
    }

    GveClientConfig config() {
        return config;
    }

    <T> T request(PortCall<VirtualMachineRequest, T> op) {
        VirtualMachineRequest port = requestPort();
        return FaultMapper.call(config.endpoint(REQUEST), config.user(), () -> op.call(port));
    }

    <T> T management(PortCall<VirtualMachineManagement, T> op) {
        VirtualMachineManagement port = managementPort();
        return FaultMapper.call(config.endpoint(MANAGEMENT), config.user(), () -> op.call(port));
    }

    /** The management port with MTOM on and chunked uploads, for file content. */
    <T> T transfer(PortCall<VirtualMachineManagement, T> op) {
        VirtualMachineManagement port = transferPort();
        return FaultMapper.call(config.endpoint(MANAGEMENT), config.user(), () -> op.call(port));
    }

    <T> T jobs(PortCall<JobStateQuery, T> op) {
        JobStateQuery port = jobsPort();
        return FaultMapper.call(config.endpoint(JOBS), config.user(), () -> op.call(port));
    }

    <T> T administration(PortCall<SiteAdministration, T> op) {
        SiteAdministration port = administrationPort();
        return FaultMapper.call(config.endpoint(ADMINISTRATION), config.user(), () -> op.call(port));
    }

    private synchronized VirtualMachineRequest requestPort() {
        if (request == null) request = open(VirtualMachineRequest.class, REQUEST, false);
        return request;
    }

    private synchronized VirtualMachineManagement managementPort() {
        if (management == null) management = open(VirtualMachineManagement.class, MANAGEMENT, false);
        return management;
    }

    private synchronized VirtualMachineManagement transferPort() {
        if (transfer == null) {
            transfer = open(VirtualMachineManagement.class, MANAGEMENT, true);
            ((BindingProvider) transfer).getRequestContext()
                    .put(JAXWSProperties.HTTP_CLIENT_STREAMING_CHUNK_SIZE, STREAMING_CHUNK_BYTES);
        }
        return transfer;
    }

    private synchronized JobStateQuery jobsPort() {
        if (jobs == null) jobs = open(JobStateQuery.class, JOBS, false);
        return jobs;
    }

    private synchronized SiteAdministration administrationPort() {
        if (administration == null) administration = open(SiteAdministration.class, ADMINISTRATION, false);
        return administration;
    }

    private <P> P open(Class<P> type, String name, boolean mtom) {
        if (service == null) service = new SiteService();
        URI endpoint = config.endpoint(name);
        char[] password = config.password();
        try {
            // JAX-WS takes the Basic password only as a String: it lives as long as the port does.
            String secret = new String(password);
            P port = mtom
                    ? SoapClients.port(service, type, endpoint, config.user(), secret, config.callTimeout(), new MTOMFeature(true))
                    : SoapClients.port(service, type, endpoint, config.user(), secret, config.callTimeout());
            opened.add(port);
            return port;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public synchronized void close() {
        for (Object port : opened) {
            if (port instanceof Closeable c) {
                try {
                    c.close();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "closing a Site port failed", e);
                }
            }
        }
        opened.clear();
        request = null;
        management = null;
        transfer = null;
        jobs = null;
        administration = null;
    }
}
