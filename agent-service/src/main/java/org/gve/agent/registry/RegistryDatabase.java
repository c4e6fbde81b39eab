package org.gve.agent.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The agent's registry database: a pooled JDBC connection, the schema migrated by Flyway from
 * {@code db/agent}, and a Hibernate session factory that validates against it.
 */
public final class RegistryDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    public RegistryDatabase(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("gve-agent-registry");
        this.dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/agent").load().migrate();
            var registry = new StandardServiceRegistryBuilder()
                    .applySetting(AvailableSettings.DATASOURCE, dataSource)
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .build();
            this.sessionFactory = new MetadataSources(registry)
                    .addAnnotatedClass(RegistryEntry.class)
                    .buildMetadata()
                    .buildSessionFactory();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * H2 file databases are opened with WRITE_DELAY=0: by default H2 writes commits to its file up to
     * half a second late, so a killed agent would forget VMs it had just recorded.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
        if (!h2File) return jdbcUrl;
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        String url = jdbcUrl;
        if (!upper.contains("WRITE_DELAY=")) url += ";WRITE_DELAY=0";
        // the service closes the database itself, after its jobs; H2's own shutdown hook would close it under them
        if (!upper.contains("DB_CLOSE_ON_EXIT=")) url += ";DB_CLOSE_ON_EXIT=FALSE";
        return url;
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
