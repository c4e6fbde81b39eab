package org.gve.deploy.web;

import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.server.Container;
import com.sun.xml.ws.api.server.InstanceResolver;
import com.sun.xml.ws.api.server.SDDocumentSource;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.binding.BindingImpl;
import com.sun.xml.ws.binding.WebServiceFeatureList;
import com.sun.xml.ws.developer.SchemaValidationFeature;
import com.sun.xml.ws.developer.StreamingAttachmentFeature;
import com.sun.xml.ws.transport.http.servlet.ServletAdapter;
import com.sun.xml.ws.transport.http.servlet.ServletAdapterList;
import com.sun.xml.ws.transport.http.servlet.WSServletDelegate;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Publishes endpoint instances with Metro, each with its hand-written WSDL (and the schemas beside
 * it) as the published contract: Metro is given the primary WSDL explicitly, so it never generates
 * one from annotations. Implementations are built by the caller, so they get their dependencies
 * through constructors.
 */
public final class SoapServlet extends HttpServlet {
    private static final String[] SCHEMAS = {"common.xsd", "glue.xsd"};
    /** The largest non-MTOM SOAP request accepted. */
    static final long MAX_PLAIN_REQUEST_BYTES = 16L * 1024 * 1024;
    private final transient List<SoapEndpoint> endpoints;
    private transient WSServletDelegate delegate;

    private final transient BooleanSupplier ready;
    private final transient Path spool;
    private final long maxUploadBytes;

    public SoapServlet(List<SoapEndpoint> endpoints) {
        this(endpoints, () -> true, null, Mount.DEFAULT_MAX_UPLOAD_BYTES);
    }

    /**
     * @param ready false while the service behind the endpoints is still starting (calls get 503 and a fault)
     * @param spool where large request attachments spill (null: the JVM's temporary directory)
     * @param maxUploadBytes the largest MTOM request (attachments included) accepted
     */
    public SoapServlet(List<SoapEndpoint> endpoints, BooleanSupplier ready, Path spool, long maxUploadBytes) {
        this.endpoints = List.copyOf(endpoints);
        this.ready = ready;
        this.spool = spool;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void init() throws ServletException {
        ServletAdapterList adapters = new ServletAdapterList(getServletContext());
        EndpointContainer container = new EndpointContainer(getServletContext());
        for (SoapEndpoint endpoint : endpoints) {
            adapters.createAdapter(endpoint.port().getLocalPart(), endpoint.path(), publish(endpoint, container, spool));
        }
        List<ServletAdapter> list = new ArrayList<>(adapters);
        delegate = new WSServletDelegate(list, getServletContext());
    }

    private static WSEndpoint<?> publish(SoapEndpoint endpoint, Container container, Path spool) {
        ClassLoader loader = SoapServlet.class.getClassLoader();
        URL wsdl = resource(loader, endpoint.wsdl());
        String base = endpoint.wsdl().substring(0, endpoint.wsdl().lastIndexOf('/') + 1);
        List<SDDocumentSource> metadata = new ArrayList<>();
        for (String schema : SCHEMAS) metadata.add(SDDocumentSource.create(resource(loader, base + schema)));
        Object impl = endpoint.implementation();
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) impl.getClass();
        // the implementation's feature annotations (@MTOM, @StreamingAttachment) apply; requests are also
        // validated against the contract's schemas, so a value outside an enumeration or a malformed
        // number is refused with the validator's message instead of silently becoming null
        WebServiceFeatureList features = new WebServiceFeatureList(type);
        features.add(new SchemaValidationFeature(true, false));
        // validation reads a request whole, so a large attachment is spilled to a file before the
        // operation runs: into the service's own spool directory, not a possibly memory-backed /tmp
        StreamingAttachmentFeature streaming = features.get(StreamingAttachmentFeature.class);
        if (streaming != null && spool != null) streaming.setDir(spool.toString());
        BindingImpl binding = BindingImpl.create(BindingID.SOAP11_HTTP, features.toArray());
        if (!endpoint.handlers().isEmpty()) binding.setHandlerChain(new ArrayList<>(endpoint.handlers()));
        return WSEndpoint.create(type, false,
                new GuardedInvoker(InstanceResolver.createSingleton(impl).createInvoker(), endpoint.path()),
                endpoint.service(), endpoint.port(), container, binding,
                SDDocumentSource.create(wsdl), metadata, null, true);
    }

    private static URL resource(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        if (url == null) throw new IllegalStateException("contract " + name + " is missing from the class path");
        return url;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
        delegate.doGet(req, resp, getServletContext());
    }

    /**
     * A plain (non-MTOM) SOAP request is parsed whole, so it is bounded: past {@link #MAX_PLAIN_REQUEST_BYTES}
     * it is refused (413 with a SOAP fault when the length is announced, a fault while reading otherwise).
     * MTOM requests stream their attachments and are not bounded here.
     */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
        if (!ready.getAsBoolean()) {
            resp.setHeader("Retry-After", "5");
            refuse(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "S:Server",
                    "the service is starting (recovering interrupted jobs); retry in a few seconds");
            return;
        }
        String type = req.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
        long limit = multipart ? maxUploadBytes : MAX_PLAIN_REQUEST_BYTES;
        String tooLarge = multipart
                ? "the upload is larger than " + limit / (1024 * 1024) + " MiB, the largest this service accepts"
                : "the request is larger than " + limit / (1024 * 1024) + " MiB; send file content as MTOM attachments";
        if (req.getContentLengthLong() > limit) {
            refuse(resp, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "S:Client", tooLarge);
            return;
        }
        delegate.doPost(new SizeLimitedRequest(req, limit, tooLarge), resp, getServletContext());
    }

    private static void refuse(HttpServletResponse resp, int status, String faultCode, String message)
            throws ServletException {
        resp.setStatus(status);
        resp.setContentType("text/xml; charset=utf-8");
        try {
            resp.getWriter().write("<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><S:Fault>"
                    + "<faultcode>" + faultCode + "</faultcode><faultstring>" + message
                    + "</faultstring></S:Fault></S:Body></S:Envelope>");
        } catch (java.io.IOException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws ServletException {
        delegate.doHead(req, resp, getServletContext());
    }

    @Override
    public void destroy() {
        if (delegate != null) delegate.destroy();
    }
}
