#include "torchsave.h"

#include <caffe2/serialize/inline_container.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace scalescope::train {

namespace {
// Pickle protocol 2 opcodes (Python's Lib/pickletools.py).
constexpr char kProto = '\x80', kGlobal = 'c', kEmptyTuple = ')', kReduce = 'R', kMark = '(',
               kTuple = 't', kSetItems = 'u', kBinPersId = 'Q', kBinUnicode = 'X', kEmptyDict = '}',
               kBinInt1 = 'K', kBinInt = 'J', kLong1 = '\x8a', kNewFalse = '\x89', kStop = '.';

class Pickle {
  public:
    void op(char c) { m_out.push_back(c); }
    void global(const char* module, const char* name) {
        op(kGlobal);
        m_out += module;
        m_out += '\n';
        m_out += name;
        m_out += '\n';
    }
    void string(const std::string& s) {
        op(kBinUnicode);
        le(std::uint64_t(s.size()), 4);
        m_out += s;
    }
    void integer(std::int64_t v) {
        if (v >= 0 && v < 256) {
            op(kBinInt1);
            m_out.push_back(char(v));
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            op(kBinInt);
            le(std::uint64_t(std::uint32_t(std::int32_t(v))), 4);
        } else {
            op(kLong1);
            m_out.push_back(8);
            le(std::uint64_t(v), 8);
        }
    }
    void intTuple(c10::IntArrayRef values) {
        op(kMark);
        for (auto v : values)
            integer(v);
        op(kTuple);
    }
    const std::string& bytes() const { return m_out; }

  private:
    void le(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i)
            m_out.push_back(char((v >> (8 * i)) & 0xff));
    }
    std::string m_out;
};

const char* storageClass(c10::ScalarType t) {
    switch (t) {
    case c10::ScalarType::Float:
        return "FloatStorage";
    case c10::ScalarType::Double:
        return "DoubleStorage";
    case c10::ScalarType::Half:
        return "HalfStorage";
    case c10::ScalarType::BFloat16:
        return "BFloat16Storage";
    case c10::ScalarType::Long:
        return "LongStorage";
    case c10::ScalarType::Int:
        return "IntStorage";
    case c10::ScalarType::Short:
        return "ShortStorage";
    case c10::ScalarType::Char:
        return "CharStorage";
    case c10::ScalarType::Byte:
        return "ByteStorage";
    case c10::ScalarType::Bool:
        return "BoolStorage";
    default:
        throw std::invalid_argument(std::string("no torch storage class for dtype ") +
                                    c10::toString(t));
    }
}
} // namespace

std::vector<char> torchSaveBytes(const NamedTensors& tensors) {
    std::vector<torch::Tensor> data;
    Pickle p;
    p.op(kProto);
    p.op(2);
    p.op(kEmptyDict); // a plain dict, as torch.save(dict(state_dict)): LibTorch reads it too
    p.op(kMark);
    for (const auto& [name, tensor] : tensors) {
        const auto t = tensor.detach().to(torch::kCPU).contiguous();
        const char* cls = storageClass(t.scalar_type());
        p.string(name);
        p.global("torch._utils", "_rebuild_tensor_v2");
        p.op(kMark);
        // The storage: a persistent id ('storage', class, record key, location, numel).
        p.op(kMark);
        p.string("storage");
        p.global("torch", cls);
        p.string(std::to_string(data.size()));
        p.string("cpu");
        p.integer(t.numel());
        p.op(kTuple);
        p.op(kBinPersId);
        p.integer(0); // storage offset
        p.intTuple(t.sizes());
        p.intTuple(t.strides());
        p.op(kNewFalse);                        // requires_grad
        p.global("collections", "OrderedDict"); // backward hooks: none
        p.op(kEmptyTuple);
        p.op(kReduce);
        p.op(kTuple);
        p.op(kReduce);
        data.push_back(t);
    }
    p.op(kSetItems);
    p.op(kStop);

    std::vector<char> out;
    caffe2::serialize::PyTorchStreamWriter writer([&](const void* buf, size_t n) -> size_t {
        const char* c = static_cast<const char*>(buf);
        out.insert(out.end(), c, c + n);
        return n;
    });
    writer.writeRecord("data.pkl", p.bytes().data(), p.bytes().size());
    for (size_t i = 0; i < data.size(); ++i)
        writer.writeRecord("data/" + std::to_string(i), data[i].data_ptr(),
                           size_t(data[i].numel()) * data[i].element_size());
    writer.writeEndOfFile();
    return out;
}

} // namespace scalescope::train
