package org.gve.deploy.war;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDBC drivers in WEB-INF/lib (H2, PostgreSQL), registered with {@link DriverManager} while this
 * web application starts and deregistered when it stops. In a standalone Tomcat the DriverManager has
 * loaded its drivers before any web application existed, so the pools, which find their driver by URL,
 * would find none; deregistering keeps a redeployment from leaking the old class loader.
 */
final class WebAppJdbcDrivers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebAppJdbcDrivers.class.getName());
    private final ClassLoader loader;

    /** Loads (and so registers) every driver that {@code loader} itself provides. */
    WebAppJdbcDrivers(ClassLoader loader) {
        this.loader = loader;
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            // a driver registers itself when its class loads; register those that do not
            if (driver.getClass().getClassLoader() == loader && !registered(driver.getClass())) {
                try {
                    DriverManager.registerDriver(driver);
                } catch (SQLException e) {
                    throw new IllegalStateException("JDBC driver " + driver.getClass().getName() + " did not register", e);
                }
            }
        }
    }

    private static boolean registered(Class<?> type) {
        return Collections.list(DriverManager.getDrivers()).stream().anyMatch(d -> d.getClass() == type);
    }

    @Override
    public void close() {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() != loader) continue;
            try {
                DriverManager.deregisterDriver(driver);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "JDBC driver " + driver.getClass().getName() + " did not deregister", e);
            }
        }
    }
}
