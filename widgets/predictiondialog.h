// Image files classified with a training run's weights: add files or folders (or drop them on
// the window) and each gets its most likely classes, beside the square the model was given.
// The classification runs on a JobThread the dialog owns, as the evaluation window's does, and
// stops between batches when interrupted.
#pragma once

#include "jobthread.h"
#include "scaling/config.h"
#include "train/prediction.h"

#include <QDialog>
#include <QObject>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace scalescope {

class PredictionFilter;
class PredictionModel;

class PredictionDialog : public QDialog {
    Q_OBJECT
  public:
    explicit PredictionDialog(const QString& runDir, QWidget* parent = nullptr);

    QString runDir() const { return m_runDir; }
    // Adds image files or folders to the list and classifies the whole list (again, once the
    // running pass ends, when one is running).
    void addPaths(const QStringList& paths);
    void clearImages();
    QStringList paths() const { return m_paths; }
    // Classifies the list with the dialog's test size, device and weights; a refused field or
    // path is named in the status line.
    void classify();
    void cancel();
    bool isClassifying() const { return m_job.isRunning(); }
    std::optional<train::PredictionReport> report() const { return m_report; }
    // The report as CSV (train::predictionCsv); false with `why` when there is none or the
    // file cannot be written.
    bool exportCsv(const QString& path, QString* why = nullptr) const;

    QString statusText() const;
    // The selected rows as the table shows them (sorted, filtered), tab-separated with a header
    // line, paths in full: what Copy puts on the clipboard, for a spreadsheet.
    QString selectedText() const;
    void copySelection() const;
    // Opens the selected file in the desktop's image viewer.
    void openSelected(); // in the desktop's viewer; the status says so where none opens it
    QSpinBox* sizeBox() const { return m_size; }
    QCheckBox* trainedWeightsBox() const { return m_trained; }
    QPushButton* classifyButton() const { return m_classify; }
    PredictionModel* model() const { return m_model; }
    PredictionFilter* filter() const { return m_filter; } // what the table shows
    QCheckBox* mistakesBox() const { return m_mistakes; }
    QTableView* table() const { return m_table; }

  Q_SIGNALS:
    void classifyingChanged(bool classifying);
    void classified();

  protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    void showReport(const train::PredictionReport& r); // a pass has ended
    void setStatus(const QString& text, bool error);
    void updateButtons();
    void addFilesClicked();
    void addFolderClicked();
    void exportClicked();

    QString m_runDir;
    std::optional<ScaleConfig> m_config;
    QStringList m_paths;
    bool m_again = false; // paths were added during a pass
    QLabel* m_about = nullptr;
    QSpinBox* m_size = nullptr;
    QComboBox* m_device = nullptr;
    QCheckBox* m_trained = nullptr;
    QPushButton* m_addFiles = nullptr;
    QPushButton* m_addFolder = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_classify = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    PredictionModel* m_model = nullptr;
    PredictionFilter* m_filter = nullptr;
    QCheckBox* m_mistakes = nullptr;
    JobThread m_job{
        QStringLiteral("prediction")}; // stops and waits for its batch when the dialog goes
    std::optional<train::PredictionReport> m_report;
};

} // namespace scalescope
