package org.gve.client;

import jakarta.activation.DataHandler;
import org.gve.wsdl.runtime.Attachments;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.Holder;
import org.gve.client.error.ChecksumMismatchException;
import org.gve.client.error.LocalFileException;
import org.gve.client.error.SiteUnreachableException;
import org.gve.client.model.GuestFile;
import org.gve.client.translate.WsdlToGuestFile;
import org.gve.wsdl.common.FileInfo;
import org.jvnet.mimepull.MIMEParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * File copies into and out of a guest over MTOM. Uploads stream from a {@link FileDataSource} in HTTP
 * chunks; downloads stream into a temporary file beside the target, whose SHA-256 and size must match what
 * the site reports before it is atomically moved into place. An upload's site-reported SHA-256 must match
 * the local file's.
 */
final class FileTransfers {
    private static final Logger LOG = Logger.getLogger(FileTransfers.class.getName());
    private static final int BUFFER = 64 * 1024;

    private final SitePorts ports;

    FileTransfers(SitePorts ports) {
        this.ports = ports;
    }

    GuestFile copyTo(String vmId, Path local, String remote, String mode) {
        if (!Files.isRegularFile(local)) {
            throw new LocalFileException("LOCAL_FILE_NOT_FOUND", "no such file: " + local);
        }
        String localSha = sha256(local);
        DataHandler content = new DataHandler(new FileDataSource(local.toFile()));
        FileInfo info;
        try {
            info = ports.transfer(p -> p.copyFileToVirtualMachine(vmId, remote, mode, content));
        } catch (SiteUnreachableException e) {
            if (!"TRANSPORT_ERROR".equals(e.code())) throw e;
            // a site stops reading an upload past its limit and closes the connection while the client still sends
            throw new SiteUnreachableException("UPLOAD_CUT_OFF", "the site closed the connection while " + local + " ("
                    + sizeOf(local) / (1024 * 1024) + " MiB) was being sent; it may be larger than the site accepts"
                    + " (gve.max-upload-mib on the server), or the connection failed: " + e.getMessage(), e);
        }
        GuestFile written = WsdlToGuestFile.apply(info);
        verify(written, localSha, sizeOf(local), "upload of " + local + " to " + vmId + ":" + remote);
        return written;
    }

    GuestFile copyFrom(String vmId, String remote, Path local) {
        Holder<FileInfo> info = new Holder<>();
        Holder<DataHandler> content = new Holder<>();
        ports.transfer(p -> {
            p.copyFileFromVirtualMachine(vmId, remote, info, content);
            return null;
        });
        if (info.value == null || content.value == null) {
            throw new ChecksumMismatchException("NO_CONTENT", "the site sent no file content for " + vmId + ":" + remote);
        }
        GuestFile reported = WsdlToGuestFile.apply(info.value);
        Path target = local.toAbsolutePath();
        Path temp = createTemp(target);
        try {
            String sha = receive(content.value, temp, vmId + ":" + remote);
            verify(reported, sha, sizeOf(temp), "download of " + vmId + ":" + remote);
            move(temp, target);
            return reported;
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void verify(GuestFile reported, String sha, long size, String what) {
        if (reported.sha256() == null || reported.sha256().isEmpty()) {
            throw new ChecksumMismatchException("CHECKSUM_MISSING", what + ": the site reported no SHA-256");
        }
        if (!reported.sha256().equals(sha) || reported.size() != size) {
            throw new ChecksumMismatchException("CHECKSUM_MISMATCH", what + ": site reports " + reported.size()
                    + " bytes sha256 " + reported.sha256() + ", client has " + size + " bytes sha256 " + sha);
        }
    }

    /** Copies the attachment into {@code temp}, hashing on the way; returns the hex SHA-256. */
    private static String receive(DataHandler content, Path temp, String what) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = openContent(content, what); OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = read(in, buffer, what)) >= 0) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot write " + temp + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream openContent(DataHandler content, String what) {
        try {
            return Attachments.open(content);
        } catch (IOException | MIMEParsingException e) {
            throw new SiteUnreachableException("TRANSPORT_ERROR", "reading " + what + " from the site failed: " + e.getMessage(), e);
        }
    }

    private static int read(InputStream in, byte[] buffer, String what) {
        try {
            return in.read(buffer);
        } catch (IOException | MIMEParsingException e) {
            throw new SiteUnreachableException("TRANSPORT_ERROR", "reading " + what + " from the site failed: " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) digest.update(buffer, 0, n);
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Path createTemp(Path target) {
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot create a file beside " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot move the download to " + target + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LocalFileException("LOCAL_IO_ERROR", "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete " + file, e);
        }
    }
}
