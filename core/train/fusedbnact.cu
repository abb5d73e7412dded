// CUDA kernels for BatchNorm + SiLU in one pass over memory each way (fusedbnact.cpp has the
// autograd function). Unfused, a training step reads and writes every such activation five
// times forward (cuDNN's statistics and normalisation, then SiLU) and about eight times
// backward; here three and five, and only the input is kept for the backward, not also the
// normalised tensor.
//
// The kernels over the whole tensor tile the [rows, channels] matrix the same way: a block is
// kTileChannels channels (one warp, consecutive addresses) by kTileRows rows, each thread
// loading kUnroll of its rows at a time; the grid is channel tiles by chunks of rows.
// Reductions keep one partial per chunk, which a second kernel merges (kMergeLanes threads
// a channel).
#include "fusedbnact_cuda.h"
#include "fusedbnact_math.h"

#include <cuda_bf16.h>
#include <cuda_fp16.h>

namespace scalescope::train::fused {

namespace {

__device__ __forceinline__ float load(const float* p, std::int64_t i) {
    return p[i];
}
__device__ __forceinline__ float load(const __nv_bfloat16* p, std::int64_t i) {
    return __bfloat162float(p[i]);
}
__device__ __forceinline__ float load(const __half* p, std::int64_t i) {
    return __half2float(p[i]);
}
__device__ __forceinline__ void store(float* p, std::int64_t i, float v) {
    p[i] = v;
}
__device__ __forceinline__ void store(__nv_bfloat16* p, std::int64_t i, float v) {
    p[i] = __float2bfloat16(v);
}
__device__ __forceinline__ void store(__half* p, std::int64_t i, float v) {
    p[i] = __float2half(v);
}

// This thread's channel and the rows it visits: first, first + kTileRows, ... below last.
struct Span {
    int c;
    std::int64_t first, last;
};
__device__ __forceinline__ Span span(std::int64_t rows, std::int64_t rowsPerChunk) {
    Span s;
    s.c = int(blockIdx.x) * kTileChannels + int(threadIdx.x);
    const std::int64_t start = std::int64_t(blockIdx.y) * rowsPerChunk;
    s.first = start + threadIdx.y;
    s.last = start + rowsPerChunk < rows ? start + rowsPerChunk : rows;
    return s;
}

// Loads kUnroll of this thread's rows (r, r + kTileRows, ...) ahead of their use; rows at or
// past `last` read as 0 and are skipped by the caller's matching test.
template <typename T>
__device__ __forceinline__ void loadRows(float (&v)[kUnroll], const T* p, std::int64_t r,
                                         std::int64_t last, int channels, int c) {
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) {
        const std::int64_t ru = r + std::int64_t(u) * kTileRows;
        v[u] = ru < last ? load(p, ru * channels + c) : 0.0f;
    }
}
constexpr std::int64_t kStride = std::int64_t(kTileRows) * kUnroll;

// Row 0 of the block's threads (threadIdx.y == 0) ends with the merge, in order, of every
// row's accumulator for its channel; the other rows' results are not used.
template <int Lanes> __device__ __forceinline__ Moments mergeRows(Moments m) {
    __shared__ float count[Lanes][kTileChannels], mean[Lanes][kTileChannels],
        m2[Lanes][kTileChannels];
    count[threadIdx.y][threadIdx.x] = m.count;
    mean[threadIdx.y][threadIdx.x] = m.mean;
    m2[threadIdx.y][threadIdx.x] = m.m2;
    __syncthreads();
    if (threadIdx.y == 0)
        for (int k = 1; k < Lanes; ++k) {
            Moments o;
            o.count = count[k][threadIdx.x];
            o.mean = mean[k][threadIdx.x];
            o.m2 = m2[k][threadIdx.x];
            merge(m, o);
        }
    return m;
}
template <int Lanes> __device__ __forceinline__ GradSums mergeRows(GradSums g) {
    __shared__ float dz[Lanes][kTileChannels], dzXhat[Lanes][kTileChannels];
    dz[threadIdx.y][threadIdx.x] = g.dz;
    dzXhat[threadIdx.y][threadIdx.x] = g.dzXhat;
    __syncthreads();
    if (threadIdx.y == 0)
        for (int k = 1; k < Lanes; ++k)
            merge(g, GradSums{dz[k][threadIdx.x], dzXhat[k][threadIdx.x]});
    return g;
}

template <typename T>
__global__ void momentsPartial(const T* __restrict__ x, std::int64_t rows, int channels,
                               std::int64_t rowsPerChunk, float* __restrict__ partial) {
    const Span s = span(rows, rowsPerChunk);
    Moments m;
    if (s.c < channels)
        for (std::int64_t r = s.first; r < s.last; r += kStride) {
            float v[kUnroll];
            loadRows(v, x, r, s.last, channels, s.c);
#pragma unroll
            for (int u = 0; u < kUnroll; ++u)
                if (r + std::int64_t(u) * kTileRows < s.last) add(m, v[u]);
        }
    m = mergeRows<kTileRows>(m);
    if (threadIdx.y != 0 || s.c >= channels) return;
    float* p = partial + std::int64_t(blockIdx.y) * 3 * channels;
    p[s.c] = m.count;
    p[channels + s.c] = m.mean;
    p[2 * channels + s.c] = m.m2;
}

// One block per channel tile; its kMergeLanes rows of threads share out the chunks.
__global__ void momentsFinal(const float* __restrict__ partial, std::int64_t chunks, int channels,
                             const float* __restrict__ weight, const float* __restrict__ bias,
                             float* runningMean, float* runningVar, float momentum, float eps,
                             float* saveMean, float* saveInvstd, float* scaleShift) {
    const int c = int(blockIdx.x) * kTileChannels + int(threadIdx.x);
    Moments m;
    if (c < channels)
        for (std::int64_t k = threadIdx.y; k < chunks; k += kMergeLanes) {
            const float* p = partial + k * 3 * channels;
            Moments o;
            o.count = p[c];
            o.mean = p[channels + c];
            o.m2 = p[2 * channels + c];
            merge(m, o);
        }
    m = mergeRows<kMergeLanes>(m);
    if (threadIdx.y != 0 || c >= channels) return;
    const ChannelForward f = channelForward(m, weight[c], bias[c], eps);
    saveMean[c] = f.mean;
    saveInvstd[c] = f.invstd;
    scaleShift[c] = f.scale;
    scaleShift[channels + c] = f.shift;
    float rm = runningMean[c], rv = runningVar[c];
    updateRunning(rm, rv, m, momentum);
    runningMean[c] = rm;
    runningVar[c] = rv;
}

template <typename T>
__global__ void applyForward(const T* __restrict__ x, T* __restrict__ y, std::int64_t rows,
                             int channels, std::int64_t rowsPerChunk,
                             const float* __restrict__ scaleShift, bool silu) {
    const Span s = span(rows, rowsPerChunk);
    if (s.c >= channels) return;
    const float scale = scaleShift[s.c], shift = scaleShift[channels + s.c];
    for (std::int64_t r = s.first; r < s.last; r += kStride) {
        float v[kUnroll];
        loadRows(v, x, r, s.last, channels, s.c);
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const std::int64_t ru = r + std::int64_t(u) * kTileRows;
            if (ru < s.last) store(y, ru * channels + s.c, forwardValue(v[u], scale, shift, silu));
        }
    }
}

template <typename T>
__global__ void gradPartial(const T* __restrict__ dy, const T* __restrict__ x, std::int64_t rows,
                            int channels, std::int64_t rowsPerChunk,
                            const float* __restrict__ weight, const float* __restrict__ bias,
                            const float* __restrict__ mean, const float* __restrict__ invstd,
                            bool silu, float* __restrict__ partial) {
    const Span s = span(rows, rowsPerChunk);
    GradSums g;
    if (s.c < channels) {
        const ChannelForward b = fromSaved(mean[s.c], invstd[s.c], weight[s.c], bias[s.c]);
        for (std::int64_t r = s.first; r < s.last; r += kStride) {
            float xv[kUnroll], gv[kUnroll];
            loadRows(xv, x, r, s.last, channels, s.c);
            loadRows(gv, dy, r, s.last, channels, s.c);
#pragma unroll
            for (int u = 0; u < kUnroll; ++u)
                if (r + std::int64_t(u) * kTileRows < s.last)
                    add(g, gradAtNorm(gv[u], xv[u], b.scale, b.shift, silu),
                        (xv[u] - b.mean) * b.invstd);
        }
    }
    g = mergeRows<kTileRows>(g);
    if (threadIdx.y != 0 || s.c >= channels) return;
    float* p = partial + std::int64_t(blockIdx.y) * 2 * channels;
    p[s.c] = g.dz;
    p[channels + s.c] = g.dzXhat;
}

__global__ void gradFinal(const float* __restrict__ partial, std::int64_t chunks, int channels,
                          float* gradWeight, float* gradBias, float* totals) {
    const int c = int(blockIdx.x) * kTileChannels + int(threadIdx.x);
    GradSums g;
    if (c < channels)
        for (std::int64_t k = threadIdx.y; k < chunks; k += kMergeLanes) {
            const float* p = partial + k * 2 * channels;
            merge(g, GradSums{p[c], p[channels + c]});
        }
    g = mergeRows<kMergeLanes>(g);
    if (threadIdx.y != 0 || c >= channels) return;
    gradBias[c] = g.dz;
    gradWeight[c] = g.dzXhat;
    totals[c] = g.dz;
    totals[channels + c] = g.dzXhat;
}

template <typename T>
__global__ void applyBackward(const T* __restrict__ dy, const T* __restrict__ x, T* __restrict__ dx,
                              std::int64_t rows, int channels, std::int64_t rowsPerChunk,
                              const float* __restrict__ weight, const float* __restrict__ bias,
                              const float* __restrict__ mean, const float* __restrict__ invstd,
                              bool silu, const float* __restrict__ totals) {
    const Span s = span(rows, rowsPerChunk);
    if (s.c >= channels) return;
    const ChannelForward b = fromSaved(mean[s.c], invstd[s.c], weight[s.c], bias[s.c]);
    const GradSums total{totals[s.c], totals[channels + s.c]};
    const float n = float(rows);
    for (std::int64_t r = s.first; r < s.last; r += kStride) {
        float xv[kUnroll], gv[kUnroll];
        loadRows(xv, x, r, s.last, channels, s.c);
        loadRows(gv, dy, r, s.last, channels, s.c);
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const std::int64_t ru = r + std::int64_t(u) * kTileRows;
            if (ru >= s.last) continue;
            const float dzv = gradAtNorm(gv[u], xv[u], b.scale, b.shift, silu);
            store(dx, ru * channels + s.c,
                  inputGrad(dzv, (xv[u] - b.mean) * b.invstd, b.scale, total, n));
        }
    }
}

dim3 tileBlock() {
    return dim3(kTileChannels, kTileRows);
}
dim3 mergeBlock() {
    return dim3(kTileChannels, kMergeLanes);
}
unsigned channelTiles(int channels) {
    return unsigned((channels + kTileChannels - 1) / kTileChannels);
}

template <typename T>
void forwardAs(const void* x, void* y, std::int64_t rows, int channels, const float* weight,
               const float* bias, float* runningMean, float* runningVar, float momentum, float eps,
               bool silu, float* saveMean, float* saveInvstd, float* workspace, std::int64_t chunks,
               cudaStream_t stream) {
    const T* in = static_cast<const T*>(x);
    T* out = static_cast<T*>(y);
    const std::int64_t per = chunkRows(rows, chunks);
    const dim3 grid(channelTiles(channels), unsigned(chunks));
    float* partial = workspace;
    float* scaleShift = workspace + chunks * 3 * channels;
    momentsPartial<T><<<grid, tileBlock(), 0, stream>>>(in, rows, channels, per, partial);
    momentsFinal<<<channelTiles(channels), mergeBlock(), 0, stream>>>(
        partial, chunks, channels, weight, bias, runningMean, runningVar, momentum, eps, saveMean,
        saveInvstd, scaleShift);
    applyForward<T>
        <<<grid, tileBlock(), 0, stream>>>(in, out, rows, channels, per, scaleShift, silu);
}

template <typename T>
void backwardAs(const void* dy, const void* x, void* dx, std::int64_t rows, int channels,
                const float* weight, const float* bias, const float* mean, const float* invstd,
                bool silu, float* gradWeight, float* gradBias, float* workspace,
                std::int64_t chunks, cudaStream_t stream) {
    const T* g = static_cast<const T*>(dy);
    const T* in = static_cast<const T*>(x);
    T* out = static_cast<T*>(dx);
    const std::int64_t per = chunkRows(rows, chunks);
    const dim3 grid(channelTiles(channels), unsigned(chunks));
    float* partial = workspace;
    float* totals = workspace + chunks * 2 * channels;
    gradPartial<T><<<grid, tileBlock(), 0, stream>>>(g, in, rows, channels, per, weight, bias, mean,
                                                     invstd, silu, partial);
    gradFinal<<<channelTiles(channels), mergeBlock(), 0, stream>>>(partial, chunks, channels,
                                                                   gradWeight, gradBias, totals);
    applyBackward<T><<<grid, tileBlock(), 0, stream>>>(g, in, out, rows, channels, per, weight,
                                                       bias, mean, invstd, silu, totals);
}

} // namespace

std::int64_t forwardWorkspace(std::int64_t chunks, int channels) {
    return chunks * channels * 3 + std::int64_t(channels) * 2;
}
std::int64_t backwardWorkspace(std::int64_t chunks, int channels) {
    return chunks * channels * 2 + std::int64_t(channels) * 2;
}

void forwardTrain(const void* x, void* y, ElementType type, std::int64_t rows, int channels,
                  const float* weight, const float* bias, float* runningMean, float* runningVar,
                  float momentum, float eps, bool silu, float* saveMean, float* saveInvstd,
                  float* workspace, std::int64_t chunks, cudaStream_t stream) {
    switch (type) {
    case ElementType::Float:
        return forwardAs<float>(x, y, rows, channels, weight, bias, runningMean, runningVar,
                                momentum, eps, silu, saveMean, saveInvstd, workspace, chunks,
                                stream);
    case ElementType::BFloat16:
        return forwardAs<__nv_bfloat16>(x, y, rows, channels, weight, bias, runningMean, runningVar,
                                        momentum, eps, silu, saveMean, saveInvstd, workspace,
                                        chunks, stream);
    case ElementType::Half:
        return forwardAs<__half>(x, y, rows, channels, weight, bias, runningMean, runningVar,
                                 momentum, eps, silu, saveMean, saveInvstd, workspace, chunks,
                                 stream);
    }
}

void backward(const void* dy, const void* x, void* dx, ElementType type, std::int64_t rows,
              int channels, const float* weight, const float* bias, const float* saveMean,
              const float* saveInvstd, bool silu, float* gradWeight, float* gradBias,
              float* workspace, std::int64_t chunks, cudaStream_t stream) {
    switch (type) {
    case ElementType::Float:
        return backwardAs<float>(dy, x, dx, rows, channels, weight, bias, saveMean, saveInvstd,
                                 silu, gradWeight, gradBias, workspace, chunks, stream);
    case ElementType::BFloat16:
        return backwardAs<__nv_bfloat16>(dy, x, dx, rows, channels, weight, bias, saveMean,
                                         saveInvstd, silu, gradWeight, gradBias, workspace, chunks,
                                         stream);
    case ElementType::Half:
        return backwardAs<__half>(dy, x, dx, rows, channels, weight, bias, saveMean, saveInvstd,
                                  silu, gradWeight, gradBias, workspace, chunks, stream);
    }
}

cudaError_t lastError() {
    return cudaGetLastError();
}

} // namespace scalescope::train::fused
