-- Guest secrets are stored sealed: gcm1:<base64 of 12-byte iv, ciphertext, 16-byte tag>, that is
-- 5 + 4 * ceil((n + 28) / 3) characters for n bytes of secret; 512 holds secrets of up to 350 bytes.
ALTER TABLE registry_vm ALTER COLUMN guest_secret SET DATA TYPE VARCHAR(512);
