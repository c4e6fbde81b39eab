package org.gve.agent.vsphere;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gve.agent.spi.DriverSettings;
import org.gve.agent.spi.HypervisorKind;
import org.gve.agent.vsphere.soap.TrustStoreTls;

/**
 * Where the vcsim started by deploy/scripts/setup-vcsim.sh listens, and settings for it. Overridable
 * with system properties gve.vcsim.url, gve.vcsim.truststore, gve.vcsim.truststorePassword, or the
 * script's environment (VCSIM_DIR, VCSIM_ADDR, VCSIM_USER, VCSIM_PASS, VCSIM_STOREPASS).
 */
record Vcsim(String url, Path trustStore, String trustStorePassword, String user, String password) {

    static Vcsim locate() {
        String dir = env("VCSIM_DIR", "/var/lib/gve/vcsim");
        String url = System.getProperty("gve.vcsim.url", "https://" + env("VCSIM_ADDR", "127.0.0.1:8989") + "/sdk");
        Path store = Path.of(System.getProperty("gve.vcsim.truststore", dir + "/truststore.p12"));
        String pass = System.getProperty("gve.vcsim.truststorePassword", storePassword(store));
        return new Vcsim(url, store, pass, env("VCSIM_USER", "gve"), env("VCSIM_PASS", "gve"));
    }

    /** True when something accepts connections at the SDK URL's host and port. */
    boolean answers() {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String notRunningMessage() {
        return "no vcsim answers at " + url + "; start it with deploy/scripts/setup-vcsim.sh (CI does)";
    }

    DriverSettings settings(Map<String, String> extraOptions) {
        Map<String, String> options = new HashMap<>();
        options.put(VsphereOption.TRUSTSTORE.key(), trustStore.toString());
        options.put(VsphereOption.TRUSTSTORE_PASSWORD.key(), trustStorePassword);
        options.putAll(extraOptions);
        return new DriverSettings(HypervisorKind.VMWARE, url, user, password, null, Duration.ofMillis(20),
                Duration.ofSeconds(60), options);
    }

    /** A vSphere session of its own, outside any driver. */
    VimClient session() {
        try {
            return VimClient.login(url, TrustStoreTls.fromTrustStore(trustStore, trustStorePassword.toCharArray(), "PKCS12"),
                    Duration.ofSeconds(5), Duration.ofSeconds(30), user, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("vcsim truststore " + trustStore + " unusable", e);
        }
    }

    private static String storePassword(Path store) {
        Path pass = store.resolveSibling(store.getFileName() + ".pass");
        try {
            return Files.isReadable(pass) ? Files.readString(pass).trim() : env("VCSIM_STOREPASS", "changeit");
        } catch (IOException e) {
            return "changeit";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
