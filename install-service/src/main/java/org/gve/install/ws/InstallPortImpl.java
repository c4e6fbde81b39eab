package org.gve.install.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.activation.DataHandler;
import org.gve.wsdl.runtime.Attachments;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.MTOM;

import com.sun.xml.ws.developer.StreamingAttachment;

import org.gve.install.InstallFailure;
import org.gve.install.command.CommandRunner;
import org.gve.install.file.FileStore;
import org.gve.install.guest.GuestInfoReader;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.GuestFault;
import org.gve.wsdl.install.GuestInfo;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InvalidArgumentFault;
import org.gve.wsdl.install.NotFoundFault;

/**
 * The Install port: validates nothing itself, hands each call to a domain class and maps the
 * result. Callers are authenticated before a request reaches it (see BasicAuthFilter), which is
 * why it never raises NotAuthorizedFault. MTOM attachments are parsed lazily so a put streams
 * from the socket into the target directory.
 */
@WebService(endpointInterface = "org.gve.wsdl.install.Install", targetNamespace = InstallPortImpl.NAMESPACE,
        serviceName = "InstallService", portName = "InstallPort", wsdlLocation = InstallPortImpl.WSDL)
@MTOM
@StreamingAttachment(parseEagerly = false, memoryThreshold = InstallPortImpl.ATTACHMENT_MEMORY_THRESHOLD)
public class InstallPortImpl implements Install {

    public static final String NAMESPACE = "urn:gve:install:1";
    /** The hand-written contract as gve-wsdl carries it on the classpath. */
    public static final String WSDL = "org/gve/wsdl/InstallService.wsdl";
    /** Attachment bytes mimepull may keep in memory before it spills to a temporary file. */
    static final long ATTACHMENT_MEMORY_THRESHOLD = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(InstallPortImpl.class.getName());

    private final CommandRunner runner;
    private final FileStore files;
    private final GuestInfoReader guest;
    private final String serviceVersion;

    public InstallPortImpl(CommandRunner runner, FileStore files, GuestInfoReader guest, String serviceVersion) {
        this.runner = runner;
        this.files = files;
        this.guest = guest;
        this.serviceVersion = serviceVersion;
    }

    @Override
    public CommandResult runCommand(Command command) throws GuestFault, InvalidArgumentFault {
        try {
            return WsdlMapping.commandResult(runner.run(WsdlMapping.commandSpec(command)));
        } catch (InstallFailure f) {
            return Faults.commandFault(f);
        } catch (RuntimeException e) {
            throw Faults.internal("RunCommand", e);
        }
    }

    @Override
    public FileInfo putFile(String path, String mode, String sha256, DataHandler content)
            throws GuestFault, InvalidArgumentFault, NotFoundFault {
        if (content == null) {
            return Faults.fileFault(InstallFailure.invalid("CONTENT_REQUIRED", "PutFile needs Content"));
        }
        try (InputStream in = Attachments.open(content)) {
            try {
                return WsdlMapping.fileInfo(files.put(path, mode, sha256, in));
            } catch (InstallFailure f) {
                discardRest(in);
                return Faults.fileFault(f);
            }
        } catch (IOException e) {
            return Faults.fileFault(InstallFailure.guest("IO_ERROR", "could not read the uploaded content: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw Faults.internal("PutFile", e);
        } finally {
            Attachments.release(content);
        }
    }

    @Override
    public void getFile(String path, Holder<FileInfo> file, Holder<DataHandler> content)
            throws GuestFault, InvalidArgumentFault, NotFoundFault {
        try {
            var stored = files.describe(path);
            file.value = WsdlMapping.fileInfo(stored);
            content.value = new DataHandler(new StoredFileDataSource(files, stored));
        } catch (InstallFailure f) {
            Faults.fileFault(f);
        } catch (RuntimeException e) {
            throw Faults.internal("GetFile", e);
        }
    }

    @Override
    public GuestInfo getGuestInfo() throws GuestFault {
        try {
            return WsdlMapping.guestInfo(guest.read(), serviceVersion);
        } catch (InstallFailure f) {
            return Faults.guestFault(f);
        } catch (RuntimeException e) {
            throw Faults.internal("GetGuestInfo", e);
        }
    }

    /** Reads what the client still sends after a refusal, so it gets the fault rather than a reset. */
    private static void discardRest(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.log(Level.FINE, "client stopped sending", e);
        }
    }
}
