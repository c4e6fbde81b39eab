package org.gve.install;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;

import jakarta.xml.ws.Endpoint;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;

import org.gve.install.auth.BasicAuthFilter;
import org.gve.install.auth.Credential;
import org.gve.install.ws.InstallPortImpl;

/**
 * The HTTP side: the JDK's built-in server, one context at {@value #PATH} guarded by the
 * credential filter, and Metro publishing the Install port there with the hand-written WSDL
 * (and the schemas it imports) as its metadata, so {@code ?wsdl} serves the contract as written.
 */
public final class InstallServer implements AutoCloseable {

    public static final String PATH = "/gve/install";
    private static final Logger LOG = Logger.getLogger(InstallServer.class.getName());
    private static final List<String> CONTRACT = List.of(InstallPortImpl.WSDL, "org/gve/wsdl/common.xsd", "org/gve/wsdl/glue.xsd");

    private final HttpServer http;
    private final ExecutorService workers;
    private final Endpoint endpoint;

    private InstallServer(HttpServer http, ExecutorService workers, Endpoint endpoint) {
        this.http = http;
        this.workers = workers;
        this.endpoint = endpoint;
    }

    /** Binds, publishes and starts serving. */
    public static InstallServer start(InetSocketAddress address, int threads, Credential credential, InstallPortImpl port)
            throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        ExecutorService workers = Executors.newFixedThreadPool(threads, new NamedThreads());
        http.setExecutor(workers);
        HttpContext context = http.createContext(PATH);
        context.getFilters().add(new BasicAuthFilter(credential));
        Endpoint endpoint = Endpoint.create(port);
        endpoint.setMetadata(contractSources());
        endpoint.setProperties(Map.of(
                Endpoint.WSDL_SERVICE, new QName(InstallPortImpl.NAMESPACE, "InstallService"),
                Endpoint.WSDL_PORT, new QName(InstallPortImpl.NAMESPACE, "InstallPort")));
        endpoint.publish(context);
        http.start();
        InstallServer server = new InstallServer(http, workers, endpoint);
        LOG.info(() -> "InstallService listening on " + server.address());
        return server;
    }

    /** Resolves the bind address and starts from a parsed configuration. */
    public static InstallServer start(InstallServiceConfig config, Credential credential, InstallPortImpl port)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.bind()), config.port());
        return start(address, config.threads(), credential, port);
    }

    /** The endpoint's URL; a wildcard bind is shown as the loopback address. */
    public URI address() {
        InetSocketAddress bound = http.getAddress();
        InetAddress host = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        String literal = host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
        return URI.create("http://" + literal + ":" + bound.getPort() + PATH);
    }

    @Override
    public void close() {
        endpoint.stop();
        http.stop(1);
        workers.shutdownNow();
        LOG.info("InstallService stopped");
    }

    /** The WSDL and the schemas it imports, from gve-wsdl on the classpath, each with its URL as system id. */
    private static List<Source> contractSources() throws IOException {
        ClassLoader loader = InstallServer.class.getClassLoader();
        List<Source> sources = new java.util.ArrayList<>();
        for (String resource : CONTRACT) {
            URL url = loader.getResource(resource);
            if (url == null) {
                throw new IOException("contract " + resource + " is missing from the classpath");
            }
            sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
        }
        return sources;
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "gve-install-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
