package org.gve.client.model;

/**
 * What a user asks for when requesting a VM. Every field is optional (null means "site default").
 * Build one with {@link #builder()} or {@link #of(int, long)}.
 */
public record VmProfile(String name, Hypervisor hypervisor, Integer vcpus, Long memoryMiB, Long diskMiB,
                        String architecture, String operatingSystemName, String template) {

    public static VmProfile of(int vcpus, long memoryMiB) {
        return builder().vcpus(vcpus).memoryMiB(memoryMiB).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent builder; unset fields stay null. */
    public static final class Builder {
        private String name;
        private Hypervisor hypervisor;
        private Integer vcpus;
        private Long memoryMiB;
        private Long diskMiB;
        private String architecture;
        private String operatingSystemName;
        private String template;

        private Builder() {
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder hypervisor(Hypervisor value) {
            hypervisor = value;
            return this;
        }

        public Builder vcpus(Integer value) {
            vcpus = value;
            return this;
        }

        public Builder memoryMiB(Long value) {
            memoryMiB = value;
            return this;
        }

        public Builder diskMiB(Long value) {
            diskMiB = value;
            return this;
        }

        public Builder architecture(String value) {
            architecture = value;
            return this;
        }

        public Builder operatingSystemName(String value) {
            operatingSystemName = value;
            return this;
        }

        public Builder template(String value) {
            template = value;
            return this;
        }

        public VmProfile build() {
            return new VmProfile(name, hypervisor, vcpus, memoryMiB, diskMiB, architecture, operatingSystemName,
                    template);
        }
    }
}
