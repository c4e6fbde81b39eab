package org.gve.site.identity;

import org.gve.site.SiteException;
import org.gve.site.SiteFault;
import org.gve.site.persistence.UserEntity;
import org.hibernate.SessionFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Users, their password hashes, roles and quotas. Successful logins are remembered for a short
 * while (keyed by an HMAC of the password under a per-process key) so the slow hash is not paid
 * on every SOAP call; any change to a user forgets them. Failed logins are throttled twice: per
 * user ({@link LoginThrottle}) and per client address ({@link AddressThrottle}, checked before
 * anything else, so a paused address costs no hashing at all).
 */
public final class UserDirectory {
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(UserDirectory.class.getName());
    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final Quota defaultQuota;
    private final Clock clock;
    private final Duration loginCacheTtl;
    private final Map<String, RememberedLogin> logins = new ConcurrentHashMap<>();
    private final byte[] processKey = new byte[32];
    private final LoginThrottle throttle;
    private final AddressThrottle addresses;
    private final String unknownUserHash;

    private record RememberedLogin(byte[] passwordMac, Caller caller, Instant until) {
    }

    public UserDirectory(SessionFactory sessions, PasswordHasher hasher, Quota defaultQuota, Clock clock,
                         Duration loginCacheTtl, AddressThrottleSettings addressThrottle) {
        this.sessions = sessions;
        this.hasher = hasher;
        this.defaultQuota = defaultQuota;
        this.clock = clock;
        this.loginCacheTtl = loginCacheTtl;
        new SecureRandom().nextBytes(processKey);
        this.throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(5), Duration.ofMinutes(1));
        this.addresses = new AddressThrottle(clock, addressThrottle);
        this.unknownUserHash = hasher.hash("no-such-user".toCharArray());
    }

    public Quota defaultQuota() {
        return defaultQuota;
    }

    /**
     * Checks a login from the client at {@code remoteAddress} (null when unknown). Refused at once,
     * before any hashing, while that address is paused; wrong passwords and unknown user names count
     * against the address, wrong passwords also against the user.
     */
    public LoginResult authenticate(String userName, char[] password, String remoteAddress) {
        if (userName == null || password == null) return LoginResult.REFUSED;
        Optional<Duration> paused = addresses.pausedFor(remoteAddress);
        if (paused.isPresent()) return new LoginResult.Paused(AddressThrottle.key(remoteAddress), paused.get());
        byte[] mac = mac(userName, password);
        RememberedLogin remembered = logins.get(userName);
        if (remembered != null && remembered.until().isAfter(clock.instant())
                && MessageDigest.isEqual(remembered.passwordMac(), mac)) {
            return new LoginResult.Accepted(remembered.caller());
        }
        UserEntity user = sessions.fromSession(s -> s.find(UserEntity.class, userName));
        if (user == null) {
            hasher.verify(password, unknownUserHash);  // the same work as for a real user: no user enumeration by timing
            addresses.failed(remoteAddress);
            return LoginResult.REFUSED;
        }
        if (throttle.locked(userName)) {
            LOG.warning(() -> "login of '" + userName + "' refused: too many wrong passwords lately");
            addresses.failed(remoteAddress);
            return LoginResult.REFUSED;
        }
        if (!hasher.verify(password, user.passwordHash())) {
            throttle.failed(userName);
            addresses.failed(remoteAddress);
            return LoginResult.REFUSED;
        }
        throttle.succeeded(userName);
        Caller caller = new Caller(user.userName(), Role.valueOf(user.role()));
        logins.put(userName, new RememberedLogin(mac, caller, clock.instant().plus(loginCacheTtl)));
        return new LoginResult.Accepted(caller);
    }

    public UserView register(String userName, char[] password, Role role, Quota quota) {
        if (userName == null || !USER_NAME.matcher(userName).matches()) {
            throw SiteException.invalid("INVALID_USER_NAME",
                    "UserName must be 1-64 letters, digits or . _ @ - and start with a letter or digit");
        }
        if (password == null || password.length < 8) {
            throw SiteException.invalid("WEAK_PASSWORD", "Password must have at least 8 characters");
        }
        if (role == null) throw SiteException.invalid("MISSING_ROLE", "Role is required");
        Quota effective = quota != null ? quota : defaultQuota;
        String hash = hasher.hash(password);
        return sessions.fromTransaction(s -> {
            if (s.find(UserEntity.class, userName) != null) {
                throw new SiteException(SiteFault.INVALID_STATE, "USER_EXISTS", "user '" + userName + "' already exists");
            }
            UserEntity user = new UserEntity(userName, hash, role.name(), clock.instant());
            user.quota(effective.maxVms(), effective.maxVcpus(), effective.maxMemoryMiB(), effective.maxDiskMiB(),
                    effective.maxLeaseSeconds());
            s.persist(user);
            return view(user);
        });
    }

    /** Creates the administrator if no administrator exists yet; returns whether it did. */
    public boolean bootstrapAdministrator(String userName, char[] password) {
        boolean anyAdmin = sessions.fromSession(s -> s.createSelectionQuery(
                "select count(*) from UserEntity u where u.role = :role", Long.class)
                .setParameter("role", Role.ADMINISTRATOR.name()).getSingleResult() > 0);
        if (anyAdmin) return false;
        register(userName, password, Role.ADMINISTRATOR, defaultQuota);
        return true;
    }

    /**
     * Removes a user. Refused for the calling administrator themselves, and while the user holds VMs
     * (reclaim them first) or has unfinished jobs; checked with the user's row locked, so a request
     * submitted meanwhile cannot slip in.
     */
    public void unregister(Caller admin, String userName) {
        if (admin.userName().equals(userName)) {
            throw SiteException.invalid("SELF_REMOVAL", "administrators cannot remove themselves");
        }
        sessions.inTransaction(s -> {
            UserEntity user = entity(s, userName);
            s.lock(user, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            long held = s.createSelectionQuery("select count(*) from VmEntity v where v.owner = :owner"
                    + " and v.released is null", Long.class).setParameter("owner", userName).getSingleResult();
            if (held > 0) {
                throw new SiteException(SiteFault.INVALID_STATE, "USER_HOLDS_VMS",
                        "user '" + userName + "' still holds " + held + " VM(s); reclaim them first");
            }
            long unfinished = s.createSelectionQuery("select count(*) from JobEntity j where j.owner = :owner"
                    + " and j.status in ('PENDING', 'RUNNING')", Long.class).setParameter("owner", userName).getSingleResult();
            if (unfinished > 0) {
                throw new SiteException(SiteFault.INVALID_STATE, "USER_HAS_JOBS",
                        "user '" + userName + "' has " + unfinished + " unfinished job(s); wait for them or cancel them");
            }
            s.remove(user);
        });
        logins.remove(userName);
    }

    public UserView setQuota(String userName, Quota quota) {
        UserView updated = sessions.fromTransaction(s -> {
            UserEntity user = entity(s, userName);
            user.quota(quota.maxVms(), quota.maxVcpus(), quota.maxMemoryMiB(), quota.maxDiskMiB(),
                    quota.maxLeaseSeconds());
            return view(user);
        });
        logins.remove(userName);
        return updated;
    }

    public UserView user(String userName) {
        return sessions.fromSession(s -> view(entity(s, userName)));
    }

    public List<UserView> users() {
        return sessions.fromSession(s -> s.createSelectionQuery("from UserEntity order by userName", UserEntity.class)
                .getResultList().stream().map(UserDirectory::view).toList());
    }

    private static UserEntity entity(org.hibernate.Session s, String userName) {
        UserEntity user = userName == null ? null : s.find(UserEntity.class, userName);
        if (user == null) throw new SiteException(SiteFault.NOT_FOUND, "USER_NOT_FOUND", "no user '" + userName + "'");
        return user;
    }

    static UserView view(UserEntity u) {
        return new UserView(u.userName(), Role.valueOf(u.role()),
                new Quota(u.maxVms(), u.maxVcpus(), u.maxMemoryMiB(), u.maxDiskMiB(), u.maxLeaseSeconds()));
    }

    private byte[] mac(String userName, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(processKey, "HmacSHA256"));
            mac.update(userName.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
