package org.gve.agent.vsphere;

import org.gve.agent.spi.DriverSettings;

/**
 * The keys of {@link DriverSettings#options()} the vSphere driver reads: name, default and
 * meaning. An empty default means "not set".
 */
public enum VsphereOption {
    DATACENTER("datacenter", "", "Datacenter to manage, by name; not set: the first one of the inventory"),
    TRUSTSTORE("truststore", "", "truststore file holding the endpoint's certificate; not set: the JVM's default trust"),
    TRUSTSTORE_PASSWORD("truststore.password", "", "password of the truststore"),
    TRUSTSTORE_TYPE("truststore.type", "PKCS12", "type of the truststore (PKCS12, JKS)"),
    RESOURCE_POOL("resourcePool", "", "resource pool for new VMs, as inventory path below the datacenter's host "
            + "folder (e.g. DC0_C0/Resources); not set: the root pool of the chosen host's cluster or host"),
    HOST("host", "", "host for new VMs, by name, and the hostName of migrationTarget(); not set: the template's host"),
    DATASTORE("datastore", "", "datastore for new VMs, by name; not set: the template's"),
    CONNECT_TIMEOUT("connectTimeout", "PT10S", "TCP connect timeout of a SOAP call (ISO-8601 duration)"),
    READ_TIMEOUT("readTimeout", "PT60S", "how long one SOAP call may wait for its answer (ISO-8601 duration)");

    private final String key;
    private final String defaultValue;
    private final String description;

    VsphereOption(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The value in {@code settings}, trimmed, or the default. */
    String in(DriverSettings settings) {
        String value = settings.option(key, defaultValue);
        return value == null ? defaultValue : value.trim();
    }
}
