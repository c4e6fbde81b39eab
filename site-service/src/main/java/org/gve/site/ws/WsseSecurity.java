package org.gve.site.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a WS-Security 1.0 {@code wsse:Security} header the site reads: UsernameToken with
 * Username and Password (and the Password's Type). Everything else in the header (Timestamp,
 * signatures) is ignored. Read straight from Metro's header, without building a SAAJ message.
 */
@XmlRootElement(name = "Security", namespace = WsseSecurity.NS)
@XmlAccessorType(XmlAccessType.FIELD)
final class WsseSecurity {
    static final String NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    @XmlElement(name = "UsernameToken", namespace = NS)
    List<UsernameToken> tokens = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class UsernameToken {
        @XmlElement(name = "Username", namespace = NS)
        String username;
        @XmlElement(name = "Password", namespace = NS)
        Password password;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Password {
        @XmlAttribute(name = "Type")
        String type;
        @XmlValue
        String value;
    }
}
