// A training run's weights scored on its test images: accuracy against the test image size
// (the training sizes shaded, the validated size marked), the confusion matrix at a chosen
// size and each class's recall and precision. The evaluation runs on a JobThread the dialog
// owns, as the Speed dock's does, and stops between batches when interrupted.
#pragma once

#include "jobthread.h"
#include "scaling/config.h"
#include "train/evaluation.h"

#include <QDialog>
#include <QObject>

#include <optional>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace scalescope {

class ClassScoreModel;

class EvaluationDialog : public QDialog {
    Q_OBJECT
  public:
    explicit EvaluationDialog(const QString& runDir, QWidget* parent = nullptr);

    QString runDir() const { return m_runDir; }
    // With the dialog's device, test sizes, test images and weights; a refused field is
    // named in the status line and nothing starts.
    void evaluate();
    void cancel();
    bool isEvaluating() const { return m_job.isRunning(); }
    std::optional<train::EvaluationReport> report() const { return m_report; }
    // Shows the confusion matrix and class table of the report's size `imageSize`.
    void showSize(int imageSize);
    int shownSize() const;
    // The report as CSV (train::evaluationCsv); false with `why` when there is none or the
    // file cannot be written.
    bool exportCsv(const QString& path, QString* why = nullptr) const;

    QString statusText() const;
    QString summaryText() const;
    QLineEdit* sizesEdit() const { return m_sizes; }
    QComboBox* samplesBox() const { return m_samples; }
    QCheckBox* trainedWeightsBox() const { return m_trained; }
    QPushButton* evaluateButton() const { return m_evaluate; }
    QCustomPlot* curvePlot() const { return m_curve; }
    QCustomPlot* matrixPlot() const { return m_matrix; }
    QCPColorMap* colorMap() const { return m_map; }
    ClassScoreModel* classModel() const { return m_classes; }
    QComboBox* sizeBox() const { return m_atSize; }

  Q_SIGNALS:
    void evaluatingChanged(bool evaluating);
    void evaluated();
    void classifyImagesRequested(const QString& runDir); // "Classify images…"

  protected:
    void closeEvent(QCloseEvent* e) override;

  private:
    void showReport(const train::EvaluationReport& r);
    void drawCurve(const train::EvaluationReport& r);
    void drawMatrix(const train::EvaluationReport& r, const train::SizeEvaluation& s);
    void setStatus(const QString& text, bool error);
    void updateButtons();
    void exportClicked();

    QString m_runDir;
    std::optional<ScaleConfig> m_config; // the run's config.json, when it reads
    QComboBox* m_device = nullptr;
    QLineEdit* m_sizes = nullptr;
    QComboBox* m_samples = nullptr;
    QCheckBox* m_trained = nullptr;
    QPushButton* m_evaluate = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_about = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QCustomPlot* m_curve = nullptr;
    QCustomPlot* m_matrix = nullptr;
    QCPColorMap* m_map = nullptr;
    QComboBox* m_atSize = nullptr;
    QTableView* m_table = nullptr;
    ClassScoreModel* m_classes = nullptr;
    JobThread m_job{
        QStringLiteral("evaluation")}; // stops and waits for its batch when the dialog goes
    std::optional<train::EvaluationReport> m_report;
};

} // namespace scalescope
