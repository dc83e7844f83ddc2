package ftenergy.model;

import java.util.List;

/**
 * How named tensors were copied into a model.
 *
 * @param loaded parameters that took a stored value, by HuggingFace name
 * @param fresh parameters left at their initial value because the source lacked them (a new task
 *     head, a pooler that a masked-LM checkpoint does not store)
 * @param unused source tensors no parameter took (next-sentence head, another task's head)
 */
public record LoadReport(List<String> loaded, List<String> fresh, List<String> unused) {

    public LoadReport {
        loaded = List.copyOf(loaded);
        fresh = List.copyOf(fresh);
        unused = List.copyOf(unused);
    }
}
