package org.gve.client.model;

/**
 * A file inside a guest as the site reports it after a transfer.
 *
 * @param mode   octal permission bits such as {@code 0644}, or null
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record GuestFile(String path, long size, String mode, String sha256) {
}
