#include "modeldescription.h"

#include <QCoreApplication>

namespace scalescope {

QString describeModel(const ScaledArch& arch) {
    const QString name = QString::fromStdString(arch.baseline.displayName);
    if (arch.request.mode == ScalingRequest::Mode::Compound)
        return QCoreApplication::translate("scalescope::ModelDescription", "%1, φ %2, %3 px")
            .arg(name)
            .arg(arch.request.coefficients.phi, 0, 'g', 4)
            .arg(arch.resolution);
    return QCoreApplication::translate("scalescope::ModelDescription", "%1 at %2 px")
        .arg(arch.request.label.empty() ? name : QString::fromStdString(arch.request.label))
        .arg(arch.resolution);
}

} // namespace scalescope
