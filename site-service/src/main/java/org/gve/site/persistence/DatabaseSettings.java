package org.gve.site.persistence;

/**
 * Where the User Information DB lives.
 *
 * @param jdbcUrl  e.g. {@code jdbc:h2:./data/site} (default) or {@code jdbc:postgresql://host/gve}
 * @param user     database user
 * @param password database password
 * @param poolSize maximum pooled connections
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
}
