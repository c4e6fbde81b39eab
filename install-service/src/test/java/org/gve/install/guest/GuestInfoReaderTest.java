package org.gve.install.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gve.install.InstallFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestInfoReaderTest {

    private static final GuestInfoReader.Uname UNAME = new GuestInfoReader.Uname("Linux", "6.1.0-18-amd64", "#1 SMP", "x86_64");

    @TempDir
    Path tmp;

    @Test
    void readsOsReleaseAndHostName() throws IOException, InstallFailure {
        Path osRelease = Files.writeString(tmp.resolve("os-release"), String.join("\n",
                "# comment", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", "NAME=\"Debian GNU/Linux\"",
                "VERSION_ID=\"12\"", "VERSION=\"12 (bookworm)\"", "VERSION_CODENAME=bookworm", "", "ID=debian"));
        Path hostname = Files.writeString(tmp.resolve("hostname"), "guest-7\n");
        GuestDescription g = new GuestInfoReader(List.of(tmp.resolve("missing"), osRelease), hostname, UNAME).read();
        assertEquals("guest-7", g.hostName());
        assertEquals("Debian GNU/Linux", g.osName());
        assertEquals("12", g.osRelease());
        assertEquals("bookworm", g.osVersion());
        assertEquals("x86_64", g.architecture());
    }

    @Test
    void fallsBackToVersionAndThenToUname() throws IOException, InstallFailure {
        Path alpine = Files.writeString(tmp.resolve("alpine"), "NAME='Alpine Linux'\nVERSION_ID=3.19.1\nVERSION=\"3.19 \\\"edge\\\"\"\n");
        GuestDescription a = new GuestInfoReader(List.of(alpine), tmp.resolve("nohost"), UNAME).read();
        assertEquals("Alpine Linux", a.osName());
        assertEquals("3.19.1", a.osRelease());
        assertEquals("3.19 \"edge\"", a.osVersion());

        GuestDescription bare = new GuestInfoReader(List.of(tmp.resolve("none")), tmp.resolve("nohost"), UNAME).read();
        assertEquals("Linux", bare.osName());
        assertEquals("6.1.0-18-amd64", bare.osRelease());
        assertEquals("#1 SMP", bare.osVersion());
        assertFalse(bare.hostName().isBlank());
    }

    @Test
    void keepsOnlyRoutableAddressesIpv4First() throws IOException {
        List<InetAddress> all = List.of(InetAddress.getByName("::1"), InetAddress.getByName("fe80::1"),
                InetAddress.getByName("2001:db8::5"), InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("192.0.2.10"), InetAddress.getByName("0.0.0.0"), InetAddress.getByName("169.254.1.1"));
        assertEquals(List.of("192.0.2.10", "2001:db8:0:0:0:0:0:5"), GuestInfoReader.usableAddresses(all));
    }

    @Test
    void mapsJavaArchitectureNamesToUname() {
        assertEquals("x86_64", GuestInfoReader.unameMachine("amd64"));
        assertEquals("aarch64", GuestInfoReader.unameMachine("aarch64"));
        assertEquals("i686", GuestInfoReader.unameMachine("x86"));
    }

    @Test
    void unquotesLikeOsRelease() {
        assertEquals("a b", OsRelease.unquote("\"a b\""));
        assertEquals("a\\b", OsRelease.unquote("'a\\b'"));
        assertEquals("$x`y", OsRelease.unquote("\"\\$x\\`y\""));
        assertEquals("plain", OsRelease.unquote("plain"));
        assertNull(OsRelease.parse(List.of("=x", "NOEQ")).get("NOEQ").orElse(null));
    }

    @Test
    void readsThisMachine() throws InstallFailure {
        GuestDescription g = GuestInfoReader.forThisGuest().read();
        assertFalse(g.hostName().isBlank());
        assertNotNull(g.osName());
        assertFalse(g.architecture().isBlank());
        assertTrue(g.addresses().stream().noneMatch(a -> a.startsWith("127.") || a.equals("0:0:0:0:0:0:0:1")), g.addresses().toString());
    }
}
