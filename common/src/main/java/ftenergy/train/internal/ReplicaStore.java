package ftenergy.train.internal;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ftenergy.model.NoGrad;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters for data-parallel training on several devices: the model's own arrays on the
 * primary device (the first), a mirror of each on every other device, created on first use.
 *
 * <p>A step runs a slice of the batch on each device, then {@link #reduceGradients} adds the
 * mirrors' gradients into the primary's, the optimiser updates the primary, and
 * {@link #broadcast} copies the new values to the mirrors. With one device it is a plain store:
 * {@link #getValue} returns the model's arrays and both calls do nothing.
 */
public final class ReplicaStore extends ParameterStore implements AutoCloseable {

    private final List<Device> devices;
    private final Map<Device, NDManager> managers = new LinkedHashMap<>();
    private final Map<Device, Map<Parameter, NDArray>> mirrors = new LinkedHashMap<>();

    /**
     * @param primary manager of the model, on {@code devices.get(0)}
     * @param devices the run's devices, primary first, no duplicates
     */
    public ReplicaStore(NDManager primary, List<Device> devices) {
        super(primary, false);
        this.devices = List.copyOf(devices);
        if (!primary.getDevice().equals(devices.get(0))) {
            throw new IllegalArgumentException("model is on " + primary.getDevice() + ", first device is " + devices.get(0));
        }
        if (new java.util.HashSet<>(devices).size() != devices.size()) {
            throw new IllegalArgumentException("a device is listed twice in " + devices);
        }
        for (Device device : devices.subList(1, devices.size())) {
            managers.put(device, NDManager.newBaseManager(device));
            mirrors.put(device, new IdentityHashMap<>());
        }
    }

    /** The devices, primary first. */
    public List<Device> devices() {
        return devices;
    }

    /** The manager a step's arrays on {@code device} should come from (a sub-manager of it). */
    public NDManager manager(Device device) {
        return device.equals(devices.get(0)) ? getManager() : managers.get(device);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null;
        }
        if (device.equals(devices.get(0))) {
            return parameter.getArray();
        }
        Map<Parameter, NDArray> onDevice = mirrors.get(device);
        if (onDevice == null) {
            throw new IllegalArgumentException("device " + device + " is not one of this run's " + devices);
        }
        return onDevice.computeIfAbsent(parameter, p -> {
            NDArray mirror = p.getArray().toDevice(device, true);
            mirror.attach(managers.get(device));
            mirror.setRequiresGradient(p.requiresGradient());
            return mirror;
        });
    }

    /** Adds every mirror's gradient into its primary parameter's and zeroes the mirror's. */
    public void reduceGradients(Collection<Parameter> trained, NDManager temporaries) {
        if (mirrors.isEmpty()) {
            return;
        }
        NoGrad.run(() -> {
            for (Parameter parameter : trained) {
                NDArray primaryGradient = null;
                for (Map<Parameter, NDArray> onDevice : mirrors.values()) {
                    NDArray mirror = onDevice.get(parameter);
                    if (mirror == null) {
                        continue;
                    }
                    if (primaryGradient == null) {
                        primaryGradient = parameter.getArray().getGradient();
                        primaryGradient.attach(temporaries);
                    }
                    NDArray gradient = mirror.getGradient();
                    gradient.attach(temporaries);
                    NDArray moved = gradient.toDevice(devices.get(0), true);
                    moved.attach(temporaries);
                    primaryGradient.addi(moved);
                    gradient.subi(gradient);
                }
            }
        });
    }

    /** Copies each updated primary parameter's values to its mirrors. */
    public void broadcast(Collection<Parameter> trained, NDManager temporaries) {
        if (mirrors.isEmpty()) {
            return;
        }
        NoGrad.run(() -> {
            for (Map.Entry<Device, Map<Parameter, NDArray>> onDevice : mirrors.entrySet()) {
                for (Parameter parameter : trained) {
                    NDArray mirror = onDevice.getValue().get(parameter);
                    if (mirror != null) {
                        NDArray value = parameter.getArray().toDevice(onDevice.getKey(), true);
                        value.attach(temporaries);
                        mirror.subi(mirror).addi(value);
                    }
                }
            }
        });
    }

    /** Frees the mirrors; the primary parameters belong to the model's manager. */
    @Override
    public void close() {
        managers.values().forEach(NDManager::close);
    }
}
