package org.gve.agent.guest;

import com.sun.xml.ws.developer.StreamingAttachment;
import jakarta.activation.DataHandler;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOM;
import org.gve.wsdl.common.Command;
import org.gve.wsdl.common.CommandResult;
import org.gve.wsdl.common.FileInfo;
import org.gve.wsdl.install.GuestFault;
import org.gve.wsdl.install.GuestInfo;
import org.gve.wsdl.install.Install;
import org.gve.wsdl.install.InvalidArgumentFault;
import org.gve.wsdl.install.NotAuthorizedFault;
import org.gve.wsdl.install.NotFoundFault;
import org.gve.wsdl.runtime.Faults;
import org.gve.wsdl.runtime.StreamDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in InstallService for the channel's tests: the generated contract, MTOM with lazily parsed attachments,
 * one accepted HTTP Basic credential; it records how uploads arrived (chunked or not) and serves downloads made
 * up on the fly, so neither side ever holds a whole file.
 */
@MTOM
@StreamingAttachment(parseEagerly = false, memoryThreshold = 64 * 1024)
@WebService(endpointInterface = "org.gve.wsdl.install.Install", serviceName = "InstallService",
        portName = "InstallPort", targetNamespace = "urn:gve:install:1")
public class FakeInstallService implements Install {
    final List<String> uploadEncodings = new CopyOnWriteArrayList<>();
    private final String authorization;
    @Resource
    private WebServiceContext context;

    FakeInstallService(String user, String secret) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CommandResult runCommand(Command command) throws GuestFault, InvalidArgumentFault, NotAuthorizedFault {
        authorize();
        if (command.getArgument().get(0).equals("sleep")) {
            try {
                Thread.sleep(Long.parseLong(command.getArgument().get(1)) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (command.getArgument().get(0).equals("missing")) {
            throw new InvalidArgumentFault("no program missing", Faults.detail("PROGRAM_NOT_FOUND", "no program missing"));
        }
        CommandResult result = new CommandResult();
        result.setExitCode(0);
        result.setStdout(String.join(" ", command.getArgument()));
        result.setStderr("");
        return result;
    }

    @Override
    public FileInfo putFile(String path, String mode, String sha256, DataHandler content)
            throws GuestFault, InvalidArgumentFault, NotAuthorizedFault, NotFoundFault {
        authorize();
        Map<?, ?> headers = (Map<?, ?>) context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS);
        uploadEncodings.add(String.valueOf(header(headers, "Transfer-encoding")));
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = org.gve.wsdl.runtime.Attachments.open(content)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new GuestFault("read failed", Faults.detail("IO_ERROR", e.getMessage()));
        }
        return info(path, size, HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public void getFile(String path, Holder<FileInfo> file, Holder<DataHandler> content)
            throws GuestFault, InvalidArgumentFault, NotAuthorizedFault, NotFoundFault {
        authorize();
        if (!path.startsWith("/generated/")) {
            throw new NotFoundFault("no file " + path, Faults.detail("FILE_NOT_FOUND", "no file " + path));
        }
        long size = Long.parseLong(path.substring("/generated/".length()));
        file.value = info(path, size, GeneratedBytes.sha256(size));
        content.value = new DataHandler(new StreamDataSource(new GeneratedBytes(size)));
    }

    @Override
    public GuestInfo getGuestInfo() throws GuestFault, NotAuthorizedFault {
        authorize();
        GuestInfo info = new GuestInfo();
        info.setHostName("fake-guest");
        info.setServiceVersion("test");
        return info;
    }

    private void authorize() throws NotAuthorizedFault {
        Map<?, ?> headers = (Map<?, ?>) context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS);
        if (!authorization.equals(header(headers, "Authorization"))) {
            throw new NotAuthorizedFault("refused", Faults.detail("NOT_AUTHORIZED", "refused"));
        }
    }

    private static String header(Map<?, ?> headers, String name) {
        for (Map.Entry<?, ?> e : headers.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(name) && e.getValue() instanceof List<?> values
                    && !values.isEmpty()) {
                return String.valueOf(values.get(0));
            }
        }
        return null;
    }

    private static FileInfo info(String path, long size, String sha256) {
        FileInfo info = new FileInfo();
        info.setPath(path);
        info.setSize(size);
        info.setMode("644");
        info.setSha256(sha256);
        return info;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
