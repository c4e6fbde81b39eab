package org.gve.agent.guest;

import com.sun.xml.ws.developer.JAXWSProperties;
import com.sun.xml.ws.developer.StreamingAttachmentFeature;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import org.gve.agent.registry.GuestAccess;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InstallService;
import org.gve.wsdl.runtime.SoapClients;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes InstallService client ports the way install-service/README.md asks: MTOM, attachments
 * parsed lazily and spilled to {@code spoolDirectory} past 64 KiB (a download is read once, straight
 * from the connection), and chunked request streaming (an upload is never buffered to learn its
 * length). The generated service (which parses the WSDL) is made once and shared.
 */
public final class InstallServiceClients {
    static final int CHUNK_BYTES = 64 * 1024;
    private static final String REQUEST_TIMEOUT = "com.sun.xml.ws.request.timeout";

    private final InstallService service = new InstallService();
    private final Path spoolDirectory;
    private final Duration timeout;

    /**
     * @param spoolDirectory where attachments larger than 64 KiB wait while they are read
     * @param timeout        connect timeout, and the least request timeout of a call
     */
    public InstallServiceClients(Path spoolDirectory, Duration timeout) {
        this.spoolDirectory = spoolDirectory;
        this.timeout = timeout;
    }

    /** A channel into the guest whose InstallService {@code access} describes. */
    public InstallServiceChannel channel(GuestAccess access) {
        if (!access.present()) throw new IllegalArgumentException("no InstallService registered");
        return new InstallServiceChannel(this, URI.create(access.endpoint()), access.user(), access.secret());
    }

    Install port(URI endpoint, String user, String secret) {
        Install port = SoapClients.port(service, Install.class, endpoint, user, secret, timeout,
                new MTOMFeature(true), new StreamingAttachmentFeature(spoolDirectory.toString(), false, CHUNK_BYTES));
        ((BindingProvider) port).getRequestContext().put(JAXWSProperties.HTTP_CLIENT_STREAMING_CHUNK_SIZE, CHUNK_BYTES);
        return port;
    }

    /** Lets one call wait longer than the default, e.g. a command with a long timeout of its own. */
    void allowAtLeast(Install port, Duration wait) {
        Duration effective = wait.compareTo(timeout) > 0 ? wait : timeout;
        ((BindingProvider) port).getRequestContext().put(REQUEST_TIMEOUT,
                (int) Math.min(Integer.MAX_VALUE, effective.toMillis()));
    }
}
