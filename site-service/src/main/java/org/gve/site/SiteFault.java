package org.gve.site;

/** Why a site operation failed; one per typed fault of SiteService.wsdl. */
public enum SiteFault {
    INVALID_ARGUMENT,
    NOT_AUTHORIZED,
    NOT_FOUND,
    INVALID_STATE,
    QUOTA_EXCEEDED,
    LEASE_EXPIRED,
    AGENT_UNAVAILABLE,
    UNSUPPORTED,
    JOB_FAILED
}
