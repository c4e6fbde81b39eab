package org.gve.site.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The User Information DB: pooled JDBC (H2 by default, PostgreSQL by configuration), schema
 * migrated by Flyway from {@code db/site}, Hibernate validating its mapping against it. An H2 file
 * database is opened with {@code WRITE_DELAY=0}: H2 otherwise writes commits to its file up to half
 * a second later, and a killed process would lose job rows the site already acted on.
 */
public final class SiteDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    public SiteDatabase(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(settings.jdbcUrl()));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("gve-site");
        this.dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/site").load().migrate();
            var registry = new StandardServiceRegistryBuilder()
                    .applySetting(AvailableSettings.DATASOURCE, dataSource)
                    .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .build();
            this.sessionFactory = new MetadataSources(registry)
                    .addAnnotatedClass(UserEntity.class)
                    .addAnnotatedClass(AgentEntity.class)
                    .addAnnotatedClass(VmEntity.class)
                    .addAnnotatedClass(JobEntity.class)
                    .buildMetadata()
                    .buildSessionFactory();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** An H2 file URL with every commit written at once (unless the URL says otherwise). */
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

    public SessionFactory sessions() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
