package org.gve.site.ws;

import jakarta.activation.DataHandler;
import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.wsdl.runtime.Attachments;
import org.gve.wsdl.runtime.Spool;

import java.io.IOException;
import java.io.InputStream;

/** MTOM content in and out of the site endpoints. */
final class Streams {
    private Streams() {
    }

    static InputStream in(DataHandler content) {
        if (content == null) throw SiteException.invalid("MISSING_CONTENT", "Content is required");
        try {
            return Attachments.open(content);
        } catch (IOException e) {
            throw SiteException.invalid("UNREADABLE_CONTENT", "cannot read Content: " + e.getMessage());
        }
    }

    static Spool spool(java.nio.file.Path dir) {
        try {
            return new Spool(dir);
        } catch (IOException e) {
            throw new SiteException(SiteFault.INVALID_STATE, "SPOOL_FAILED", "cannot spool the file: " + e.getMessage());
        }
    }

    static DataHandler handOver(Spool spool) {
        try {
            return spool.content();
        } catch (IOException e) {
            spool.discard();
            throw new SiteException(SiteFault.INVALID_STATE, "SPOOL_FAILED", "cannot spool the file: " + e.getMessage());
        }
    }
}
