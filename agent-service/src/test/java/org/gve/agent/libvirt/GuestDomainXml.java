package org.gve.agent.libvirt;

import java.nio.file.Path;

/**
 * The libvirt XML of a test guest that boots a kernel and initramfs directly (the guests of deploy/scripts:
 * setup-libvirt.sh, setup-guest-jvm.sh) from {@code kernelDir}, with one qcow2 disk, its serial console in a file
 * and a channel for the QEMU guest agent. {@code metadata} is empty or GVE's template mark; {@code extraDevices}
 * is empty or more devices (shares, for example).
 */
public record GuestDomainXml(String name, String metadata, int memoryMiB, int vcpus, Path kernelDir, String cmdline,
                             Path disk, String extraDevices, Path serialLog) {

    public String toXml() {
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  %s
                  <memory unit='MiB'>%d</memory>
                  <vcpu>%d</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <on_poweroff>destroy</on_poweroff>
                  <on_reboot>restart</on_reboot>
                  <on_crash>destroy</on_crash>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    %s
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                    <channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(name, metadata.isEmpty() ? "" : "<metadata>" + metadata + "</metadata>", memoryMiB,
                vcpus, kernelDir.resolve("vmlinux"), kernelDir.resolve("initramfs.cpio.gz"), cmdline, disk,
                extraDevices, serialLog);
    }
}
