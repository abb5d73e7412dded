// Dialogs whose buttons start work (training, an edit of the document) beside fields the user
// types in: Return in a field only finishes the field. A QDialog otherwise presses its default
// button, and every push button in one is a default candidate.
#pragma once

#include <QDialogButtonBox>
#include <QPushButton>

namespace scalescope {

inline void noDefaultButtons(QDialogButtonBox* box) {
    for (QAbstractButton* b : box->buttons())
        if (auto* p = qobject_cast<QPushButton*>(b)) {
            p->setAutoDefault(false);
            p->setDefault(false);
        }
}

} // namespace scalescope
