// Measured speed of the current model: its training step and inference on this machine, and
// each stage's share of the time beside its share of the multiply-adds. The probe runs on a
// JobThread the panel owns (a QThread, as in Qt's mandelbrot example) and stops between passes
// when interrupted; the GUI thread only draws what it reports.
#pragma once

#include "jobthread.h"
#include "train/speedprobe.h"

#include <QObject>
#include <QWidget>

#include <optional>

class QCPBarsGroup;
class QCustomPlot;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace scalescope {

class ExplorerDocument;

class SpeedPanel : public QWidget {
    Q_OBJECT
  public:
    explicit SpeedPanel(ExplorerDocument* doc, QWidget* parent = nullptr);

    void measure(); // the document's configuration with the panel's settings
    void cancel();
    bool isMeasuring() const { return m_job.isRunning(); }
    // While a training run has the machine, measuring would time both: Measure is off, and a
    // measurement under way stops.
    void setTrainingRunning(bool running);
    // The last report as CSV (train::speedReportCsv); false, with `why`, when there is none
    // or the file cannot be written.
    bool exportCsv(const QString& path, QString* why = nullptr) const;

    std::optional<train::SpeedReport> report() const { return m_report; }
    // The last report becomes the one the next ones are set against (ratios per image, and a
    // column of per-stage time ratios where the stages pair): before and after an edit such
    // as Fused-MBConv in early stages.
    void pinReference();
    void clearReference();
    bool hasReference() const { return m_ref.has_value(); }
    QString comparisonText() const;          // empty without a reference
    bool isStale() const { return m_stale; } // the document changed since the measurement
    QString summaryText() const;
    QString statusText() const;
    QTableWidget* table() const { return m_table; }
    QCustomPlot* plot() const { return m_plot; }
    QSpinBox* batchBox() const { return m_batch; }
    QSpinBox* imageSizeBox() const { return m_imageSize; }
    QSpinBox* repeatsBox() const { return m_repeats; }
    QPushButton* measureButton() const { return m_measure; }

  Q_SIGNALS:
    void measuringChanged(bool measuring);

  private:
    void showReport(const train::SpeedReport& r);
    void setStatus(const QString& text, bool error);
    void updateButtons();
    void markStale();

    ExplorerDocument* m_doc;
    QComboBox* m_device = nullptr;
    QSpinBox* m_batch = nullptr;
    QSpinBox* m_imageSize = nullptr;
    QSpinBox* m_repeats = nullptr;
    QPushButton* m_measure = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBarsGroup* m_group = nullptr;          // time and MACs side by side
    JobThread m_job{QStringLiteral("speed")}; // stops and waits for its pass when the panel goes
    std::optional<train::SpeedReport> m_report;
    struct Reference {
        train::SpeedReport report;
        QString what; // the model and settings it was measured with
    };
    std::optional<Reference> m_ref;
    QPushButton* m_pin = nullptr;
    QPushButton* m_unpin = nullptr;
    QLabel* m_compare = nullptr;
    ScaleConfig m_measured; // what the report (or the measurement under way) is of
    train::SpeedRequest m_request;
    bool m_stale = false;
    bool m_training = false;
};

} // namespace scalescope
