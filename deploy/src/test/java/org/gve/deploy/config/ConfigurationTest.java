package org.gve.deploy.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationTest {
    @Test
    void defaultsApplyAndDataDirectoryIsSubstituted() {
        Configuration c = Configuration.of(Map.of("gve.data-dir", "/srv/gve"));
        assertEquals(8080, c.integer(ConfigKeys.PORT));
        assertEquals("jdbc:h2:file:/srv/gve/site", c.string(ConfigKeys.SITE_DB_URL));
        assertEquals(Path.of("/srv/gve"), c.dataDirectory());
    }

    @Test
    void unknownKeysAreRefusedSoATypoNeverKeepsADefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Configuration.of(Map.of("gve.prot", "9090")));
        assertTrue(e.getMessage().contains("gve.prot"));
    }

    @Test
    void argumentsOverrideTheFileAndMayDropThePrefix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gve.properties");
        Files.writeString(file, "gve.port=7070\ngve.site.name=cern\n");
        Configuration c = Configuration.fromArguments(List.of("--config=" + file, "--port=9090"));
        assertEquals(9090, c.integer(ConfigKeys.PORT));
        assertEquals("cern", c.string(ConfigKeys.SITE_NAME));
    }

    @Test
    void malformedValuesNameTheKey() {
        Configuration c = Configuration.of(Map.of("gve.port", "eighty", "gve.agent.enabled", "yes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.integer(ConfigKeys.PORT)).getMessage().contains("gve.port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.flag(ConfigKeys.AGENT_ENABLED)).getMessage().contains("gve.agent.enabled"));
        assertThrows(IllegalArgumentException.class, () -> Configuration.fromArguments(List.of("port=1")));
    }

    @Test
    void driverOptionsPassThroughWithoutTheirPrefix() {
        Configuration c = Configuration.of(Map.of("gve.agent.option.domain.type", "qemu"));
        assertEquals(Map.of("domain.type", "qemu"), c.agentOptions());
    }

    @Test
    void periodsMustBePositiveAndCountsNotNegative() {
        Configuration c = Configuration.of(Map.of("gve.site.agent-poll-seconds", "0",
                "gve.site.lease-check-seconds", "-5", "gve.site.job-retention-days", "-1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.seconds(ConfigKeys.SITE_HEALTH_POLL))
                .getMessage().contains("gve.site.agent-poll-seconds must be a positive number of seconds"));
        assertThrows(IllegalArgumentException.class, () -> c.seconds(ConfigKeys.SITE_LEASE_CHECK));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.zeroOrMore(ConfigKeys.SITE_JOB_RETENTION))
                .getMessage().contains("gve.site.job-retention-days must be 0 or more"));
        assertEquals(0, Configuration.of(Map.of("gve.site.job-retention-days", "0")).zeroOrMore(ConfigKeys.SITE_JOB_RETENTION));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Configuration.of(Map.of("gve.max-upload-mib", "0"))
                .positiveNumber(ConfigKeys.MAX_UPLOAD)).getMessage().contains("gve.max-upload-mib must be a positive number"));
    }
}
