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
 * migrated by Flyway from {@code db/site}, Hibernate validating its mapping against it.
 */
public final class SiteDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;

    public SiteDatabase(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
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

    public SessionFactory sessions() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }
}
