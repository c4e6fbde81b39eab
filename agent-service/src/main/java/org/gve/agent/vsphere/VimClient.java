package org.gve.agent.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ServiceContent;
import com.vmware.vim25.ws.Argument;
import com.vmware.vim25.ws.WSClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import org.gve.agent.spi.DriverError;
import org.gve.agent.spi.DriverException;
import org.gve.agent.vsphere.soap.LenientVimReader;
import org.gve.agent.vsphere.soap.SdkUrlHandler;
import org.gve.agent.vsphere.soap.SoapProtocolException;
import org.gve.agent.vsphere.soap.SoapRequest;
import org.gve.agent.vsphere.soap.VimFaultException;

/**
 * One logged-in vSphere session. Requests are written with vijava's serializer and posted by
 * vijava's {@link WSClient} (which keeps the session cookie); its base URL carries our
 * {@link SdkUrlHandler}, so TLS uses the configured truststore; answers are read by
 * {@link LenientVimReader} instead of vijava's strict {@code XmlGen.fromXML}. An expired session
 * ({@code NotAuthenticated}) is renewed once and the call repeated; every other failure becomes a
 * {@link DriverException} through {@link VsphereFaults}. Thread-safe.
 */
final class VimClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VimClient.class.getName());
    static final ManagedObjectReference SERVICE_INSTANCE = ref("ServiceInstance", "ServiceInstance");

    private final WSClient transport;
    private final LenientVimReader reader = new LenientVimReader();
    private final String user;
    private final String password;
    private final String endpoint;
    private final ServiceContent content;

    private VimClient(WSClient transport, String endpoint, String user, String password) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.user = user;
        this.password = password;
        this.content = send(SERVICE_INSTANCE, "RetrieveServiceContent", ServiceContent.class);
        login();
    }

    /** Connects to {@code sdkUrl} and logs in. */
    static VimClient login(String sdkUrl, SSLSocketFactory tls, Duration connectTimeout, Duration readTimeout,
                           String user, String password) {
        WSClient transport;
        try {
            transport = new WSClient(sdkUrl, false); // false: vijava must not install its trust-all defaults
            transport.setBaseUrl(new SdkUrlHandler(tls).url(sdkUrl));
        } catch (IOException e) {
            throw new DriverException(DriverError.INVALID_ARGUMENT, "bad vSphere SDK URL " + sdkUrl + ": " + e.getMessage(), e);
        }
        transport.setSoapActionOnApiVersion("5.1");
        transport.setConnectTimeout((int) connectTimeout.toMillis());
        transport.setReadTimeout((int) readTimeout.toMillis());
        return new VimClient(transport, sdkUrl, user, password);
    }

    ServiceContent content() {
        return content;
    }

    String endpoint() {
        return endpoint;
    }

    /** Calls {@code method} on {@code target}; {@code resultType} Void for methods answering nothing. */
    <T> T call(ManagedObjectReference target, String method, Class<T> resultType, Argument... args) {
        try {
            return send(target, method, resultType, args);
        } catch (DriverException e) {
            if (!isSessionLost(e)) {
                throw e;
            }
            renewSession();
            return send(target, method, resultType, args);
        }
    }

    /** True when {@code e} says the session is gone (expired, or the endpoint restarted). */
    static boolean isSessionLost(DriverException e) {
        return e.getCause() instanceof VimFaultException f && "NotAuthenticated".equals(f.faultType());
    }

    /** Logs in again after the session was lost. */
    void renewSession() {
        LOG.info(() -> "vSphere session at " + endpoint + " is gone; logging in again");
        login();
    }

    private <T> T send(ManagedObjectReference target, String method, Class<T> resultType, Argument... args) {
        String what = method + " on " + target.getType() + " " + target.getVal();
        String request = SoapRequest.envelope(target, method, args);
        try (InputStream answer = transport.post(request)) {
            return reader.readResponse(answer, resultType);
        } catch (VimFaultException e) {
            throw VsphereFaults.fromFault(what, e);
        } catch (SoapProtocolException e) {
            throw VsphereFaults.fromProtocol(what, e);
        } catch (IOException e) {
            throw VsphereFaults.fromTransport(what, e);
        }
    }

    private synchronized void login() {
        transport.setCookie(null); // keep the cookie of the Login answer
        send(content.getSessionManager(), "Login", Void.class,
                SoapRequest.arg("userName", "String", user == null ? "" : user),
                SoapRequest.arg("password", "String", password == null ? "" : password));
    }

    @Override
    public void close() {
        try {
            send(content.getSessionManager(), "Logout", Void.class);
        } catch (DriverException e) {
            LOG.log(Level.FINE, "logout from " + endpoint + " failed", e);
        }
    }

    static ManagedObjectReference ref(String type, String value) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(type);
        ref.setVal(value);
        return ref;
    }
}
