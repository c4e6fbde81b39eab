package org.gve.deploy;

import org.gve.deploy.config.Configuration;
import org.gve.site.identity.UserDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static org.gve.deploy.config.ConfigKeys.ADMIN_PASSWORD_FILE;
import static org.gve.deploy.config.ConfigKeys.ADMIN_USER;

/**
 * Creates the first administrator when the site has none: with the password from
 * gve.admin.password-file, or a generated one written to {data}/admin-password (mode 0600).
 */
final class AdminBootstrap {
    private AdminBootstrap() {
    }

    /** @return the generated password, or null when none was generated */
    static String run(UserDirectory users, Configuration config) throws IOException {
        String file = config.string(ADMIN_PASSWORD_FILE);
        String password;
        String generated = null;
        if (!file.isBlank()) {
            password = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } else {
            Path saved = config.dataDirectory().resolve("admin-password");
            if (Files.exists(saved)) {
                password = Files.readString(saved, StandardCharsets.UTF_8).strip();
            } else {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                generated = password;
            }
        }
        boolean created = users.bootstrapAdministrator(config.string(ADMIN_USER), password.toCharArray());
        if (created && generated != null) {
            Path saved = config.dataDirectory().resolve("admin-password");
            Files.writeString(saved, generated + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-------"));
            return generated;
        }
        return null;
    }
}
