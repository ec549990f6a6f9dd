// Weight memory: parameters x bytes per parameter (float32 = 4, float16/bfloat16 = 2).
export function memoryBytes(params: bigint): { float32: bigint; float16: bigint } {
  return { float32: params * 4n, float16: params * 2n };
}
