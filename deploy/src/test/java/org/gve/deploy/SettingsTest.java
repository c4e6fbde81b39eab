package org.gve.deploy;

import org.gve.deploy.config.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsTest {
    @Test
    void theAgentSealsItsGuestSecretsWithAKeyInTheDataDirectoryUnlessTold() {
        Configuration defaults = Configuration.of(Map.of("gve.data-dir", "/srv/gve"));
        assertEquals(Path.of("/srv/gve/agent-secrets.key"),
                Settings.agent(defaults, "test:///default", "site", "s").secretsKeyFile());
        assertEquals(Path.of("/srv/gve/site-secrets.key"), Settings.site(defaults).security().secretsKeyFile(),
                "a key of its own, not the site's");
        Configuration told = Configuration.of(Map.of("gve.data-dir", "/srv/gve",
                "gve.agent.secrets-key-file", "/etc/gve/agent.key"));
        assertEquals(Path.of("/etc/gve/agent.key"), Settings.agent(told, "test:///default", "site", "s").secretsKeyFile());
    }

    @Test
    void retiredKeysAreACommaSeparatedListNoneByDefault() {
        Configuration defaults = Configuration.of(Map.of("gve.data-dir", "/srv/gve"));
        assertEquals(java.util.List.of(), Settings.site(defaults).security().retiredKeyFiles());
        assertEquals(java.util.List.of(), Settings.agent(defaults, "test:///default", "site", "s").retiredKeyFiles());
        Configuration rotated = Configuration.of(Map.of("gve.data-dir", "/srv/gve",
                "gve.site.retired-secrets-key-files", "/srv/gve/old-1.key, /srv/gve/old-2.key",
                "gve.agent.retired-secrets-key-files", "/srv/gve/agent-old.key"));
        assertEquals(java.util.List.of(Path.of("/srv/gve/old-1.key"), Path.of("/srv/gve/old-2.key")),
                Settings.site(rotated).security().retiredKeyFiles());
        assertEquals(java.util.List.of(Path.of("/srv/gve/agent-old.key")),
                Settings.agent(rotated, "test:///default", "site", "s").retiredKeyFiles());
    }
}
