#!/usr/bin/env bash
# Executes the analyst notebooks headless with the rapaio Java kernel, against a lakehouse.
#
#   notebooks/run-notebooks.sh               set up, then execute a copy of every notebook into
#                                            target/notebooks/executed/ (CI: the repository stays as it is)
#   notebooks/run-notebooks.sh --store       set up, then execute every notebook in place: its outputs
#                                            (tables, PNG figures) are written into notebooks/*.ipynb
#   notebooks/run-notebooks.sh --setup-only  set up the kernel and classpath for interactive use
#
# FTENERGY_LAKEHOUSE: the lakehouse to read (absolute path). Unset: a small synthetic lakehouse is
# written under target/notebooks/lakehouse (the test fixture ftenergy.analyze.SyntheticLakehouse)
# and analysed with `ftenergy analyze`.
# KERNEL_JAVA_HOME: a JDK >= 21 for the kernel (default: the first one found under /usr/lib/jvm).
# A notebook fails the script when any of its cells fails, also inside the %load of setup.jsh.
# Idempotent; meant to run as root on Debian.
set -euo pipefail

mode=${1:-}
case "$mode" in
  ""|--store|--setup-only) ;;
  *) echo "usage: notebooks/run-notebooks.sh [--store|--setup-only] (unknown argument '$mode')" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/notebooks
RAPAIO_VERSION=3.0.1
KERNEL_NAME=ftenergy-java
mkdir -p "$WORK"

# Jupyter from Debian's packages, installed only when missing.
if ! command -v jupyter-nbconvert >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import ipykernel' >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q jupyter-nbconvert python3-ipykernel
fi

# The rapaio kernel needs Java 21+; Spark 4.2 runs on it.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
JDK=""
for candidate in ${KERNEL_JAVA_HOME:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
  if [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/jar" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
    JDK=$candidate
    break
  fi
done
if [ -z "$JDK" ]; then
  echo "run-notebooks: no JDK >= 21 found; set KERNEL_JAVA_HOME (the rapaio kernel needs Java 21+)" >&2
  exit 1
fi
echo "run-notebooks: kernel JDK $JDK (Java $(java_major "$JDK"))"

# Our classes and their dependencies, as one manifest-only jar: the kernel stalls when handed
# hundreds of classpath entries, and a single %jars entry keeps its start-up fast.
"$ROOT/mvnw" -B -q -pl jobs -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/dependencies.txt" -Dmdep.includeScope=test
"$ROOT/mvnw" -B -q -N dependency:copy -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$RAPAIO_VERSION" -DoutputDirectory="$WORK"
/usr/bin/python3 - "$ROOT" "$WORK" <<'PY'
import os, sys
root, work = sys.argv[1], sys.argv[2]
entries = [os.path.join(root, "jobs/target/classes"), os.path.join(root, "jobs/target/test-classes")]
entries += open(os.path.join(work, "dependencies.txt")).read().strip().split(":")
urls = ["file:" + e + ("/" if os.path.isdir(e) else "") for e in entries]
line = ("Class-Path: " + " ".join(urls)).encode()
chunks, first = [], True
while line:
    size = 72 if first else 71  # manifest lines hold 72 bytes; continuations start with a space
    chunks.append((b"" if first else b" ") + line[:size])
    line, first = line[size:], False
with open(os.path.join(work, "MANIFEST.MF"), "wb") as f:
    f.write(b"Manifest-Version: 1.0\n" + b"\n".join(chunks) + b"\n\n")
PY
rm -f "$WORK/classpath.jar"
"$JDK/bin/jar" --create --file "$WORK/classpath.jar" --manifest "$WORK/MANIFEST.MF"

# Spark's own JavaModuleOptions, as in the surefire argLine.
OPENS="-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true --enable-native-access=ALL-UNNAMED"

# A kernelspec of our own, so the kernel runs on the JDK found above with Spark's options, headless
# (figures are drawn off screen), with the project on its classpath: the one manifest-only jar,
# which the kernel takes at start-up as fast as an empty classpath (its ~230 entries one by one
# made start-up slow enough to lose the first request).
KERNEL_DIR=$WORK/jupyter/kernels/$KERNEL_NAME
mkdir -p "$KERNEL_DIR"
/usr/bin/python3 - "$KERNEL_DIR" "$JDK/bin/java" "$WORK/rapaio-jupyter-kernel-$RAPAIO_VERSION.jar" "$WORK" $OPENS <<'PY'
import json, sys
kernel_dir, java, jar, work, opens = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
spec = {
    "argv": [java] + opens + ["-Xmx3g", "-Djava.awt.headless=true", "-jar", jar, "{connection_file}"],
    "display_name": "Java (ftenergy)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {"RJK_CLASSPATH": work + "/classpath.jar", "RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": work + "/mima_cache"},
}
with open(kernel_dir + "/kernel.json", "w") as f:
    json.dump(spec, f, indent=1)
PY
export JUPYTER_PATH=$WORK/jupyter

if [ "$mode" = "--setup-only" ]; then
  echo "run-notebooks: kernel '$KERNEL_NAME' ready; start Jupyter with JUPYTER_PATH=$JUPYTER_PATH (see notebooks/README.md)"
  exit 0
fi

if [ -z "${FTENERGY_LAKEHOUSE:-}" ]; then
  FTENERGY_LAKEHOUSE=$WORK/lakehouse
  rm -rf "$FTENERGY_LAKEHOUSE"
  # shellcheck disable=SC2086
  "$JDK/bin/java" $OPENS -cp "$WORK/classpath.jar" ftenergy.analyze.SyntheticLakehouse "$FTENERGY_LAKEHOUSE"
  # Analysed as a sweep's lakehouse is, so the notebooks find rows in the analysis tables.
  # shellcheck disable=SC2086
  "$JDK/bin/java" $OPENS -Dspark.master='local[2]' -Dspark.ui.enabled=false -cp "$WORK/classpath.jar" ftenergy.cli.Main \
    analyze --lakehouse "$FTENERGY_LAKEHOUSE" >"$WORK/analyze.log" 2>&1 || { tail -n 40 "$WORK/analyze.log" >&2; exit 1; }
fi
export FTENERGY_LAKEHOUSE
echo "run-notebooks: lakehouse $FTENERGY_LAKEHOUSE"

# nbclient fails a notebook whose cell fails, but the kernel reports an error inside %load (setup.jsh)
# as an output only: every error output fails the notebook too. Stored outputs must not name
# directories of this machine.
check_outputs() {
  /usr/bin/python3 - "$1" "$ROOT" "$HOME" "$mode" <<'PY'
import json, sys
path, root, home, mode = sys.argv[1:5]
notebook = json.load(open(path))
machine_dirs = [d for d in (root, home) if len(d) > 1] if mode == "--store" else []
problems = []
for index, cell in enumerate(notebook["cells"]):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            problems.append(f"cell {index + 1}: {output.get('ename')}: {output.get('evalue')}")
        named = [d for d in machine_dirs if d in json.dumps(output)]
        if named:
            problems.append(f"cell {index + 1}: an output names a directory of this machine ({', '.join(named)})")
for problem in problems:
    print(f"{path}: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY
}

if [ "$mode" = "--store" ]; then
  # In place, without timings, so a re-run changes only what the lakehouse changed.
  destination=(--inplace --ExecutePreprocessor.record_timing=False)
else
  mkdir -p "$WORK/executed"
  destination=(--output-dir "$WORK/executed")
fi
mkdir -p "$WORK/logs"
passed=0
failed=0
for notebook in "$ROOT"/notebooks/*.ipynb; do
  name=$(basename "$notebook")
  log=$WORK/logs/${name%.ipynb}.log
  executed=$WORK/executed/$name
  [ "$mode" = "--store" ] && executed=$notebook
  # rapaio 3.0.1 can start a kernel that never answers (start-up races in its channel threads):
  # kernel_start.py hands nbclient only a kernel that has answered kernel_info, restarting it
  # otherwise, and a notebook whose kernel still never answered is retried once.
  for attempt in 1 2; do
    if PYTHONPATH="$ROOT/notebooks${PYTHONPATH:+:$PYTHONPATH}" jupyter-nbconvert --to notebook --execute \
        "${destination[@]}" --ExecutePreprocessor.kernel_manager_class=kernel_start.SettledKernelManager \
        --ExecutePreprocessor.kernel_name="$KERNEL_NAME" --ExecutePreprocessor.timeout=900 \
        --ExecutePreprocessor.startup_timeout=180 "$notebook" >"$log" 2>&1 && check_outputs "$executed" 2>>"$log"; then
      restarts=$(grep -c "^kernel_start:" "$log" || true)
      if [ "$restarts" -gt 0 ]; then
        echo "run-notebooks: $name executed (its kernel was restarted $restarts times before it answered)"
      else
        echo "run-notebooks: $name executed"
      fi
      passed=$((passed + 1))
      break
    elif [ "$attempt" = 1 ] && grep -q "Kernel didn't respond" "$log"; then
      echo "run-notebooks: $name: kernel did not answer, retrying once"
    else
      echo "run-notebooks: $name FAILED; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      failed=$((failed + 1))
      break
    fi
  done
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" = 0 ]
